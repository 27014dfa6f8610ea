/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from './console-harness';
import { ADMIN } from './fake-service';

// Its own file: once a page's chunk has arrived, it stays for the life of the module.
test('a page whose code does not arrive says so inside the frame, and Try again fetches it again', async () => {
  const loader = jest.requireMock<{ loadPageModule: (file: string) => Promise<Record<string, unknown>> }>('../../src/console/pages/load-page');
  const load = loader.loadPageModule;
  let online = false;
  loader.loadPageModule = (file) => (online ? load(file) : Promise.reject(new TypeError('Loading chunk console-page-marketing-setup failed.')));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const user = userEvent.setup();

  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/marketing' });
  expect(await screen.findByText('This page could not be shown.')).toBeTruthy();
  expect(within(screen.getByRole('navigation', { name: 'Console' })).getByRole('link', { name: 'Marketing Setup' })).toBeTruthy();
  online = true;
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
  expect(screen.queryByText('This page could not be shown.')).toBeNull();
});
