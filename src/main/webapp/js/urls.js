// Every URL the page uses is resolved against the page's own base URL, so the same files work at "/"
// (standalone), under a context root such as "/ticker/" (WAR) and behind a proxy or TLS terminator.

/** The absolute HTTP URL of `path` (relative, no leading slash) for a page whose base URL is `baseUri`. */
export function httpUrl(path, baseUri) {
  return new URL(path, baseUri);
}

/** The WebSocket URL of `path` for a page whose base URL is `baseUri`: ws: under http:, wss: under https:. */
export function webSocketUrl(path, baseUri) {
  const url = new URL(path, baseUri);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`cannot derive a WebSocket URL from a ${url.protocol} page`);
  }
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  // A fragment is not allowed in a WebSocket URL, and the page's own query means nothing to the endpoint.
  url.hash = '';
  url.search = '';
  return url;
}

/**
 * The URL of `baseUrl` (api/quotes, api/quotes/next or api/quotes/stream) for `symbols`, asking only for what
 * changed after `since` when there is a cursor, with any further `params` ({name: value}) after it.
 */
export function quotesUrl(baseUrl, symbols, since, params = {}) {
  const url = new URL(baseUrl);
  // Commas kept literal: the server splits on them, and the URL stays readable in the network panel.
  url.search = `symbols=${symbols.map(encodeURIComponent).join(',')}`;
  if (since > 0) {
    url.search += `&since=${since}`;
  }
  for (const [name, value] of Object.entries(params)) {
    url.search += `&${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  return url;
}
