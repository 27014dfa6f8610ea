/**
 * The service's base URL for a page of the add-in: the build serves the add-in under `/addin/` of
 * the service (README, webpack.config.js), so it is everything before that. Null when `pageUrl` is
 * absent or not under `/addin/` (the bare JavaScript runtime has no page).
 */
export function serviceBaseUrl(pageUrl: string | undefined): string | null {
  if (pageUrl === undefined) return null;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  const at = url.pathname.lastIndexOf('/addin/');
  if (at < 0 || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return `${url.origin}${url.pathname.slice(0, at)}`;
}
