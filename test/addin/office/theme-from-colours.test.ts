import type { HostTheme } from '../../../src/addin/office/mail-host';
import { themeFromColours } from '../../../src/addin/office/theme-from-colours';

describe('themeFromColours', () => {
  test.each<[string, string, string, HostTheme | null]>([
    ['Fluent’s light theme, near-black text on white, is light', '#FFFFFF', '#242424', 'light'],
    ['a light grey body is light', '#F3F2F1', '#323130', 'light'],
    ['Outlook’s dark theme is dark', '#292929', '#FFFFFF', 'dark'],
    ['a near-black body with grey text is dark', '#1F1F1F', '#D6D6D6', 'dark'],
    ['a mid-grey body under the darkness threshold is dark', '#707070', '#FFFFFF', 'dark'],
    ['a mid-grey body above the darkness threshold is light', '#777777', '#000000', 'light'],
    ['white text on pure black is high contrast', '#000000', '#FFFFFF', 'highContrast'],
    ['pure black text on white is high contrast', '#ffffff', '#000000', 'highContrast'],
    ['yellow text on pure black (21:1 less a little) is high contrast', '#000000', '#FFFF00', 'highContrast'],
    ['extreme contrast on a background that is not pure black is dark, not high contrast', '#050505', '#FFFFFF', 'dark'],
    ['shorthand hex colours are read', '#000', '#fff', 'highContrast'],
    ['colours without # are read', '292929', 'ffffff', 'dark'],
    ['a colour that is not hex gives no theme', 'black', '#FFFFFF', null],
    ['an empty colour gives no theme', '#FFFFFF', '', null],
  ])('%s', (_case, background, foreground, expected) => {
    expect(themeFromColours(background, foreground)).toBe(expected);
  });
});
