import * as msal from '@azure/msal-browser';
import { classifyMsalFailure, type MsalFailure, type MsalLike } from '../../../src/addin/auth/msal-like';
import { browserCodes, clientCodes } from './fake-msal';

// The provider's tests run against a fake msal; these pin the fake to the real library, so an msal
// upgrade that renames a code fails here rather than in a user's Outlook.
describe('the real msal-browser', () => {
  test('spells the error codes the fake uses as the fake does', () => {
    for (const [name, code] of Object.entries(browserCodes)) expect([name, (msal.BrowserAuthErrorCodes as Record<string, string>)[name]]).toEqual([name, code]);
    for (const [name, code] of Object.entries(clientCodes)) expect([name, (msal.ClientAuthErrorCodes as Record<string, string>)[name]]).toEqual([name, code]);
  });

  const real: MsalLike = msal;

  test.each<[string, unknown, MsalFailure]>([
    ['InteractionRequiredAuthError', new msal.InteractionRequiredAuthError('consent_required', 'correlation-1'), 'interactionRequired'],
    ['a blocked popup', new msal.BrowserAuthError(msal.BrowserAuthErrorCodes.popupWindowError, 'correlation-1'), 'popupUnavailable'],
    ['a popup closed by the user', new msal.BrowserAuthError(msal.BrowserAuthErrorCodes.userCancelled, 'correlation-1'), 'cancelled'],
    ['the host\'s nested authentication disabled', new msal.ClientAuthError(msal.ClientAuthErrorCodes.nestedAppAuthBridgeDisabled, 'correlation-1'), 'popupUnavailable'],
    ['no network', new msal.ClientAuthError(msal.ClientAuthErrorCodes.noNetworkConnectivity, 'correlation-1'), 'network'],
    ['an unrelated error', new Error('popup_window_error'), 'other'],
  ])('is classified by class and code: %s', (_title, error, expected) => {
    expect(classifyMsalFailure(real, error)).toBe(expected);
  });
});
