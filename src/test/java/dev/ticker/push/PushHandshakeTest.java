package dev.ticker.push;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PushHandshakeTest {

    @Test
    void computesTheAcceptOfRfc6455sExample() {
        // RFC 6455, section 1.3: the sample nonce and the accept a server must answer to it.
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", PushHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }
}
