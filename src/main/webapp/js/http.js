// One measured HTTP exchange. The bytes a response cost are its head plus its body as received. Resource Timing's
// transferSize cannot give the head: Chromium reports the body plus a flat 300 bytes for every response (checked
// here: a 304 is exactly 300, a 203-byte body 503), a privacy rule of the spec. So the page rebuilds the head from
// the status line and the headers fetch() exposes (all of them for a same-origin response, except Set-Cookie).

import { responseHeadBytes } from './measure.js';

const decoder = new TextDecoder();

/** The bytes of `response`'s head as it came over HTTP/1.1. */
export function headBytes(response) {
  return responseHeadBytes(response.status, response.statusText, response.headers);
}

/**
 * Fetches `url` bypassing the browser cache (so a 304 reaches the page instead of being answered from the cache);
 * resolves to {response, text, bytes} once the whole body is in. Rejects on network errors, timeouts and aborts.
 */
export async function measuredFetch(url, { headers = {}, signal } = {}) {
  const response = await fetch(url, { headers, cache: 'no-store', signal });
  const body = await response.arrayBuffer();
  return { response, text: decoder.decode(body), bytes: headBytes(response) + body.byteLength };
}

/** The JSON in `text`, or null if it is not JSON. */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
