/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEV_USER_KEY } from '../../src/console/auth/dev-sign-in';
import { createRedirectSignIn } from '../../src/console/auth/redirect-sign-in';
import { account, createFakeMsal } from './auth/fake-msal';
import { renderConsole } from './console-harness';
import { ADMIN, createFakeService, MANAGER, problem, SALESPERSON } from './fake-service';

describe('dev mode’s picker', () => {
  test('lists the demo users with their e-mail and level', async () => {
    await renderConsole();
    const list = await screen.findByRole('region', { name: 'Demo users' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual([
      `Sign in as Astrid Lindqvist${ADMIN.email} · Administrator`,
      `Sign in as Jonas Berg${SALESPERSON.email} · Salesperson`,
      `Sign in as Maria Holm${MANAGER.email} · Manager`,
    ]);
  });

  test('one click signs in and opens the address the user came for', async () => {
    const user = userEvent.setup();
    const console = await renderConsole({ path: '/console/setup/marketing' });
    await user.click(await screen.findByRole('button', { name: /^Sign in as Astrid Lindqvist/ }));
    expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
    expect(console.history.location.pathname).toBe('/console/setup/marketing');
    expect(console.storage.getItem(DEV_USER_KEY)).toBe(ADMIN.email);
    expect(console.service.requests.filter((request) => request.path === '/dev/token').map((request) => request.body)).toEqual([{ email: ADMIN.email }]);
    expect(console.service.malformed).toEqual([]);
  });

  test('a user the service refuses stays on the picker, told so', async () => {
    const user = userEvent.setup();
    const service = createFakeService();
    service.override((request) => (request.path === '/dev/token' ? problem(404, 'not_found', 'Not a demo user.') : undefined));
    const console = await renderConsole({ service });
    await user.click(await screen.findByRole('button', { name: /^Sign in as Jonas Berg/ }));
    expect(await screen.findByText('Sign-in did not work. Try again.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Rapport' })).toBeTruthy();
    expect(console.storage.getItem(DEV_USER_KEY)).toBeNull();
  });

  test('demo users that cannot be listed are reported', async () => {
    const service = createFakeService();
    service.override((request) => (request.path === '/dev/users' ? problem(404, 'route_not_found', 'There is no GET /dev/users.') : undefined));
    await renderConsole({ service });
    expect(await screen.findByText('The demo users could not be loaded.')).toBeTruthy();
  });
});

describe('Entra ID', () => {
  test('the sign-in page sends the user to Microsoft with the address to come back to', async () => {
    const user = userEvent.setup();
    const msal = createFakeMsal();
    const auth = createRedirectSignIn({ mode: 'redirect', clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', scopes: ['api://rapport/access_as_user'] }, { origin: 'http://rapport.test', loadMsal: async () => msal });
    await renderConsole({ auth, path: '/console/setup/marketing' });
    expect(await screen.findByText('Sign in with your work account.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    expect(msal.calls.at(-1)).toEqual(['loginRedirect', { scopes: ['api://rapport/access_as_user'], redirectUri: 'http://rapport.test/console/', state: '/console/setup/marketing' }]);
  });

  test('coming back from Microsoft opens the page the sign-in began on, with tokens from msal', async () => {
    const msal = createFakeMsal();
    const astrid = account(ADMIN.email);
    msal.accounts = [astrid];
    msal.redirectResult = { accessToken: 'first', account: astrid, state: '/console/setup/marketing' };
    // The fake service knows users by their dev tokens: msal's silent token is Astrid's here.
    msal.silent = async () => ({ accessToken: `token-for:${ADMIN.email}`, account: astrid });
    const auth = createRedirectSignIn({ mode: 'redirect', clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', scopes: ['api://rapport/access_as_user'] }, { origin: 'http://rapport.test', loadMsal: async () => msal });
    const console = await renderConsole({ auth, path: '/console/' });
    expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
    expect(console.history.location.pathname).toBe('/console/setup/marketing');
  });
});
