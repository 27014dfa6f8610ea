import type { PreviewMailbox } from './preview-mailbox';

/**
 * What the preview page shares with its frames: the pane and commands pages find the mailbox on
 * `window.parent` (same origin). Browser tests drive the preview through it too.
 */
export type PreviewHost = { mailbox: PreviewMailbox };

const HOST_KEY = 'rapportPreview';

type WithHost = { [HOST_KEY]?: PreviewHost };

export function exposePreviewHost(page: Window, host: PreviewHost): void {
  (page as Window & WithHost)[HOST_KEY] = host;
}

/** The preview host of the page that embeds `frame`, or null when the frame is not in the preview. */
export function findPreviewHost(frame: Window): PreviewHost | null {
  if (frame.parent === frame) return null;
  try {
    return (frame.parent as Window & WithHost)[HOST_KEY] ?? null;
  } catch {
    // A parent of another origin: not the preview.
    return null;
  }
}
