// The WebSocket opening handshake's one computation (RFC 6455 section 4.2.2): the server proves it understood the
// upgrade by answering the client's Sec-WebSocket-Key with base64(SHA-1(key + this GUID)).

export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The Sec-WebSocket-Accept value a server must answer to `key`, computed with WebCrypto. */
export async function expectedAccept(key, subtle = globalThis.crypto.subtle) {
  const digest = await subtle.digest('SHA-1', new TextEncoder().encode(key + WEBSOCKET_GUID));
  let binary = '';
  for (const byte of new Uint8Array(digest)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
