import type { HostTheme } from './mail-host';

/**
 * Below this relative luminance a background takes light text better than dark text: white and
 * black text contrast equally with it (√(1.05 × 0.05) − 0.05 ≈ 0.179, WCAG 2 definitions).
 */
const DARK_BACKGROUND_MAX_LUMINANCE = 0.179;

/**
 * The contrast ratio from which a pure black or white background counts as a high-contrast theme.
 * Not lower: Fluent's ordinary light theme puts #242424 text on white, 15.4:1, and must stay 'light';
 * Windows' high-contrast themes pair pure black and white (21:1).
 */
const HIGH_CONTRAST_MIN_RATIO = 18;

/** [r, g, b] in 0–255 of a CSS hex colour (#rgb or #rrggbb, '#' optional), or null. */
function parseHexColour(colour: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (match === null) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join('') : match[1]!;
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two luminances, 1 to 21. */
function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const isPureBlackOrWhite = ([r, g, b]: [number, number, number]): boolean => (r === 0 && g === 0 && b === 0) || (r === 255 && g === 255 && b === 255);

/**
 * The theme Outlook shows, from its body colours (`Office.context.officeTheme`): Outlook does not
 * support `isDarkTheme`, so the colours are all there is. High contrast when the body is pure black
 * or white with extreme contrast; otherwise dark when the background is dark; otherwise light.
 * Null when either colour is not a hex colour.
 */
export function themeFromColours(bodyBackgroundColor: string, bodyForegroundColor: string): HostTheme | null {
  const background = parseHexColour(bodyBackgroundColor);
  const foreground = parseHexColour(bodyForegroundColor);
  if (background === null || foreground === null) return null;
  const backgroundLuminance = relativeLuminance(background);
  if (isPureBlackOrWhite(background) && contrastRatio(backgroundLuminance, relativeLuminance(foreground)) >= HIGH_CONTRAST_MIN_RATIO) {
    return 'highContrast';
  }
  return backgroundLuminance < DARK_BACKGROUND_MAX_LUMINANCE ? 'dark' : 'light';
}
