/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { webDarkTheme, webLightTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { DEV_USER_KEY } from '../../src/console/auth/dev-sign-in';
import { renderConsole, themeWindow } from './console-harness';
import { ADMIN, createFakeService, MANAGER, problem, SALESPERSON } from './fake-service';

const navigation = () => screen.getByRole('navigation', { name: 'Console' });
const navLinks = () => within(navigation()).getAllByRole('link').map((link) => link.textContent);

/** The Fluent theme's background as FluentProvider writes it into its style element. */
const themeCss = () =>
  [...document.querySelectorAll('style')].flatMap((style) => [style.textContent ?? '', ...[...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText)]).join('\n').toLowerCase();
const background = (value: string) => `--colorneutralbackground1: ${value.toLowerCase()};`;

async function seriousAxeViolations(container: HTMLElement): Promise<string[]> {
  // jsdom computes no styles, so contrast cannot be measured here; the browser test measures it.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('the navigation shows what the user’s level allows', () => {
  test.each([
    [
      'an administrator',
      [
        'Home',
        'Contact list',
        'Contact Duplicates',
        'Import contacts',
        'Campaigns',
        'Segments',
        'Marketing Setup',
        'Number Series',
        'Salespeople',
        'Teams',
        'Business Relations',
        'Salutations',
        'Code Lists',
        'Interaction Groups',
        'Interaction Templates',
        'Interaction Template Setup',
        'Campaign Statuses',
        'Sales Cycles',
        'Close Opportunity Codes',
        'Activities',
        'Duplicate Search',
      ],
      ADMIN.email,
    ],
    ['a manager', ['Home', 'Contact list', 'Contact Duplicates', 'Import contacts', 'Campaigns', 'Segments'], MANAGER.email],
    ['a salesperson', ['Home', 'Contact list', 'Contact Duplicates', 'Campaigns'], SALESPERSON.email],
  ])('%s sees %j', async (_who, links, email) => {
    const console = await renderConsole({ signedInAs: email });
    await screen.findByRole('navigation', { name: 'Console' });
    expect(navLinks()).toEqual(links);
    expect(console.service.malformed).toEqual([]);
  });

  test('the open page is marked current, and a link opens its page', async () => {
    const user = userEvent.setup();
    await renderConsole({ signedInAs: ADMIN.email });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Astrid Lindqvist' });
    expect(within(navigation()).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    await user.click(within(navigation()).getByRole('link', { name: 'Marketing Setup' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Marketing Setup' })).toBeTruthy();
    expect(within(navigation()).getByRole('link', { name: 'Marketing Setup' }).getAttribute('aria-current')).toBe('page');
    expect(within(navigation()).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });
});

describe('a page above the user’s level', () => {
  test.each([
    ['a salesperson', SALESPERSON.email],
    ['a manager', MANAGER.email],
  ])('%s who opens /console/setup/marketing directly is told it needs an administrator, and nothing is asked of the service', async (_who, email) => {
    const console = await renderConsole({ signedInAs: email, path: '/console/setup/marketing' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Marketing Setup' })).toBeTruthy();
    expect(screen.getByText('This page needs an administrator')).toBeTruthy();
    expect(screen.getByText(/does not have the Rapport\.Admin role/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(console.service.apiRequests().map((request) => request.path)).toEqual(['/api/v1/me']);
  });

  test.each([
    ['/console/setup/number-series', 'Number Series', SALESPERSON.email],
    ['/console/setup/code-lists?kind=language', 'Code Lists', MANAGER.email],
    ['/console/setup/duplicate-search', 'Duplicate Search', SALESPERSON.email],
  ])('%s opened below the administrator’s level is refused by its title, saying why, and nothing is asked of the service', async (path, title, email) => {
    const console = await renderConsole({ signedInAs: email, path });
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByText('This page needs an administrator')).toBeTruthy();
    expect(screen.getByText(/does not have the Rapport\.Admin role/)).toBeTruthy();
    expect(console.service.apiRequests().map((request) => request.path)).toEqual(['/api/v1/me']);
  });

  test('a salesperson who opens the segments directly is told they need a manager', async () => {
    await renderConsole({ signedInAs: SALESPERSON.email, path: '/console/segments' });
    expect(await screen.findByText('This page needs a manager')).toBeTruthy();
  });

  test('a manager’s segments page says plainly that it is not in the console yet', async () => {
    await renderConsole({ signedInAs: MANAGER.email, path: '/console/segments' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Segments' })).toBeTruthy();
    expect(screen.getByText('Segments are not in the console yet.')).toBeTruthy();
    expect(screen.getByText(/\/api\/v1\/segments/)).toBeTruthy();
  });
});

test('an address that names no page says so and leads home', async () => {
  const user = userEvent.setup();
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/no/such/page' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  await user.click(screen.getByRole('link', { name: 'Go to the start page' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Astrid Lindqvist' })).toBeTruthy();
});

describe('the session', () => {
  test('signing out shows the sign-in page and forgets the user; the next one sees only their own', async () => {
    const user = userEvent.setup();
    const console = await renderConsole({ signedInAs: ADMIN.email });
    await user.click(await screen.findByRole('button', { name: /^Account and appearance: Astrid Lindqvist/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Rapport' })).toBeTruthy();
    expect(console.storage.getItem(DEV_USER_KEY)).toBeNull();

    await user.click(await screen.findByRole('button', { name: /^Sign in as Jonas Berg/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Jonas Berg' })).toBeTruthy();
    expect(navLinks()).toEqual(['Home', 'Contact list', 'Contact Duplicates', 'Campaigns']);
    const meRequests = console.service.apiRequests().filter((request) => request.path === '/api/v1/me');
    expect(meRequests.map((request) => request.user)).toEqual([ADMIN.email, SALESPERSON.email]);
  });

  test('when the service refuses a renewed token too, the sign-in page says the session has ended', async () => {
    const service = createFakeService();
    service.override((request) => (request.path === '/api/v1/me' ? problem(401, 'unauthenticated', 'The token has expired.') : undefined));
    const console = await renderConsole({ signedInAs: ADMIN.email, service });
    expect(await screen.findByText('Your session has ended. Sign in again.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Rapport' })).toBeTruthy();
    // Once with the cached token, once with a renewed one.
    expect(console.service.apiRequests().map((request) => request.path)).toEqual(['/api/v1/me', '/api/v1/me']);
    expect(console.storage.getItem(DEV_USER_KEY)).toBeNull();
  });

  test('an account that cannot be loaded says why and offers to try again; a refusal is not retried behind the user’s back', async () => {
    const user = userEvent.setup();
    const service = createFakeService();
    service.override((request) => (request.path === '/api/v1/me' ? problem(400, 'validation_failed', 'No such tenant.') : undefined));
    await renderConsole({ signedInAs: ADMIN.email, service });
    expect(await screen.findByText('Your account could not be loaded.')).toBeTruthy();
    expect(screen.getByText('The service refused it: No such tenant.')).toBeTruthy();
    expect(service.apiRequests()).toHaveLength(1);
    service.override(null);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Astrid Lindqvist' })).toBeTruthy();
  });
});

describe('the look', () => {
  test('follows the system: light, dark, and high contrast when colours are forced', async () => {
    const win = themeWindow({ dark: true });
    await renderConsole({ signedInAs: ADMIN.email, win });
    await screen.findByRole('navigation', { name: 'Console' });
    expect(themeCss()).toContain(background(webDarkTheme.colorNeutralBackground1));
    act(() => win.setSystem({ dark: false, forcedColors: true }));
    expect(themeCss()).toContain(background(teamsHighContrastTheme.colorNeutralBackground1));
    act(() => win.setSystem({ forcedColors: false }));
    expect(themeCss()).toContain(background(webLightTheme.colorNeutralBackground1));
  });

  test('the user’s choice in the account menu wins over the system and is kept for the next visit', async () => {
    const user = userEvent.setup();
    const win = themeWindow({ dark: false });
    await renderConsole({ signedInAs: ADMIN.email, win });
    await user.click(await screen.findByRole('button', { name: /^Account and appearance/ }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Dark' }));
    await waitFor(() => expect(themeCss()).toContain(background(webDarkTheme.colorNeutralBackground1)));
    expect(win.localStorage.getItem('rapport.console.theme')).toBe('dark');
    await user.click(screen.getByRole('button', { name: /^Account and appearance/ }));
    expect((await screen.findByRole('menuitemradio', { name: 'Dark' })).getAttribute('aria-checked')).toBe('true');
    await user.click(screen.getByRole('menuitemradio', { name: 'Same as the system' }));
    await waitFor(() => expect(themeCss()).not.toContain(background(webDarkTheme.colorNeutralBackground1)));
  });
});

describe('language', () => {
  test('a Swedish browser gets the Swedish console', async () => {
    await renderConsole({ signedInAs: ADMIN.email, language: 'sv-SE' });
    expect(await screen.findByRole('navigation', { name: 'Konsol' })).toBeTruthy();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Marknadsföringsinställningar' })).toBeTruthy();
  });

  test('an unknown language falls back to English', async () => {
    await renderConsole({ signedInAs: ADMIN.email, language: 'pt-BR' });
    expect(await screen.findByRole('navigation', { name: 'Console' })).toBeTruthy();
  });
});

describe('keyboard and screen readers', () => {
  test('the first Tab reaches the skip link, which leads to the page', async () => {
    const user = userEvent.setup();
    await renderConsole({ signedInAs: ADMIN.email });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Astrid Lindqvist' });
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Skip to content');
    expect(document.activeElement?.getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });

  test('the start page and the sign-in page have no serious or critical axe violations', async () => {
    const signedIn = await renderConsole({ signedInAs: ADMIN.email });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Astrid Lindqvist' });
    expect(await seriousAxeViolations(signedIn.container)).toEqual([]);
    signedIn.unmount();
    const signIn = await renderConsole();
    await screen.findByRole('button', { name: /^Sign in as Astrid Lindqvist/ });
    expect(await seriousAxeViolations(signIn.container)).toEqual([]);
  });
});
