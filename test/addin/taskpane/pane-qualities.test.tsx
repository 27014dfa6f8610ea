/** @jest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { fluentTheme } from '../../../src/ui-shared/theme';
import { company, opportunity, person, put } from '../cache/fixtures';
import { applyPage, createFakeHost, readItem, renderPane } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });

async function storeWithAnna() {
  const store = newStore();
  await applyPage(store, [
    put('contact', company('CT100', { name: 'Fabrikam AB', businessRelation: 'customer' })),
    put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example', companyNo: 'CT100', companyName: 'Fabrikam AB', phoneNo: '+46 8 1' })),
    put('opportunity', opportunity('OP1', { description: 'Spring order', contactNo: 'CT101', estimatedValueLcy: 1500, allowedActions: ['next', 'close'] })),
  ]);
  return store;
}

describe('theme', () => {
  test.each([
    ['light', webLightTheme],
    ['dark', webDarkTheme],
    ['highContrast', teamsHighContrastTheme],
    [null, webLightTheme],
  ] as const)('Outlook theme %s is Fluent’s matching theme', (hostTheme, theme) => {
    expect(fluentTheme(hostTheme)).toBe(theme);
  });

  test('the pane follows a change of Outlook’s theme', async () => {
    const host = createFakeHost({ theme: 'light' });
    const pane = await renderPane({ store: await storeWithAnna(), host });
    await screen.findByRole('heading', { name: 'Anna Berg' });
    // FluentProvider writes its theme as CSS variables into a style element of its own.
    const themeCss = () =>
      [...document.querySelectorAll('style')].flatMap((style) => [style.textContent ?? '', ...[...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText)]).join('\n').toLowerCase();
    const background = (value: string) => `--colorneutralbackground1: ${value.toLowerCase()};`;
    expect(themeCss()).toContain(background(webLightTheme.colorNeutralBackground1));
    expect(themeCss()).not.toContain(background(webDarkTheme.colorNeutralBackground1));
    act(() => host.setTheme('dark'));
    expect(themeCss()).toContain(background(webDarkTheme.colorNeutralBackground1));
    expect(pane.container.textContent).toContain('Anna Berg');
  });
});

describe('language', () => {
  test('Swedish Outlook gets the Swedish pane, with Swedish dates and money', async () => {
    const host = createFakeHost({ language: 'sv-SE' });
    const pane = await renderPane({ store: await storeWithAnna(), host });
    expect(await screen.findByRole('button', { name: 'Logga e-post' })).toBeTruthy();
    expect(screen.getByText('Kund')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Affärsmöjligheter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nästa steg' })).toBeTruthy();
    // Swedish number formatting of the pane's LCY: "1 500,00 €", with a no-break space.
    expect(screen.getByText((text) => text.replace(/\s/g, ' ') === '1 500,00 €')).toBeTruthy();
    expect(pane.container.textContent).toContain('Synkroniserat');
  });

  test('an unknown language falls back to English', async () => {
    await renderPane({ store: await storeWithAnna(), host: createFakeHost({ language: 'pt-BR' }) });
    expect(await screen.findByRole('button', { name: 'Log e-mail' })).toBeTruthy();
  });
});

describe('keyboard and screen readers', () => {
  // Fluent's focus manager (Tabster) moves Tab itself and skips elements without a layout box;
  // jsdom lays nothing out, so every element gets a small box here, as in a browser.
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', { configurable: true, get(this: HTMLElement) { return this.parentElement; } });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 10 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 10 });
    HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 10, height: 10, top: 0, left: 0, right: 10, bottom: 10, toJSON: () => ({}) });
  });

  test('the main actions are reached with Tab and work with Enter and Space', async () => {
    const store = await storeWithAnna();
    const user = userEvent.setup();
    await renderPane({ store });
    const logButton = (await screen.findByRole('button', { name: 'Log e-mail' })) as HTMLButtonElement;
    await waitFor(() => expect(logButton.disabled).toBe(false));

    // Focus order follows the pane's reading order: the contact's phone link, then the log button.
    await user.tab();
    expect(document.activeElement?.textContent).toBe('+46 8 1');
    await user.tab();
    expect(document.activeElement).toBe(logButton);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Logging…')).toBeTruthy();
    expect((await store.outbox()).map((entry) => entry.name)).toEqual(['logEmail']);

    screen.getByRole('button', { name: 'Next stage' }).focus();
    await user.keyboard(' ');
    expect(await screen.findByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('the rendered pane has no serious or critical axe violations', async () => {
    const store = await storeWithAnna();
    const pane = await renderPane({ store, host: createFakeHost({ item: readItem() }) });
    await screen.findByRole('button', { name: 'Log e-mail' });
    const results = await axe.run(pane.container, {
      // jsdom computes no styles, so contrast cannot be measured here; the Fluent themes carry it.
      rules: { 'color-contrast': { enabled: false } },
    });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)).toEqual([]);
  });
});
