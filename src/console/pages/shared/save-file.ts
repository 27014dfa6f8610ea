import type { DownloadedFile } from '../../api/console-api';

/** How long the file's object URL outlives the click: the browser starts the download meanwhile. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Hands a file the service answered to the browser as a download. The console fetches files with
 * its token, so a plain link to the API cannot download them; an object URL of the bytes can.
 * Returns the name the file is saved under.
 */
export function saveFile(file: DownloadedFile, fallbackName: string): string {
  const name = file.fileName ?? fallbackName;
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return name;
}
