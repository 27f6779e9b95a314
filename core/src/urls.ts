/** Links that come from outside (a store's catalogue, its orders, the page a chat starts on). */

/**
 * The URL when `value` is an absolute http(s) address with a host, else null. Anything else
 * (`javascript:`, `data:`, a relative path) is never stored as a link nor rendered as one.
 */
export function webUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0
      ? url
      : null;
  } catch {
    return null;
  }
}
