package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cross-site WebSocket hijacking: with the default {@code allowed-origins=same-host}, a page may open the push
 * connection only if it was served by the host and port the handshake is addressed to, over the same scheme.
 * Everything else gets {@code 403} and no upgrade, including look-alike hosts and the opaque origin {@code null}.
 * Clients that send no {@code Origin} are not browsers and are served.
 */
class OriginIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);

    @Test
    void pageOfTheSameHostIsUpgraded() {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, withOrigin(sameOrigin()), REPLY)) {
            assertEquals("welcome", client.welcome().getString("type"));
        }
    }

    @Test
    void clientWithoutOriginIsUpgraded() {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, REPLY)) {
            assertEquals("welcome", client.welcome().getString("type"));
        }
    }

    @Test
    void lookAlikeHostIsRefusedWith403() {
        assertRefused(scheme() + "://" + base.getHost() + ".evil.org" + port());
    }

    @Test
    void hostWithTheSameSuffixIsRefusedWith403() {
        assertRefused(scheme() + "://evil" + base.getHost() + port());
    }

    @Test
    void otherPortIsRefusedWith403() {
        assertRefused(scheme() + "://" + base.getHost() + ":" + (effectivePort() + 1));
    }

    @Test
    void otherSchemeIsRefusedWith403() {
        String other = scheme().equals("https") ? "http" : "https";
        assertRefused(other + "://" + base.getHost() + ":" + effectivePort());
    }

    @Test
    void opaqueOriginNullIsRefusedWith403() {
        assertRefused("null");
    }

    @Test
    void refusedHandshakeLeavesTheConnectionWithoutWebSocket() {
        try (RawWebSocket client = RawWebSocket.connect(base, withOrigin("https://example.com.evil.org"))) {
            assertEquals(403, client.status());
            assertEquals(null, client.responseHeader("sec-websocket-accept"), "no Sec-WebSocket-Accept on a 403");
        }
    }

    private void assertRefused(String origin) {
        try (RawWebSocket client = RawWebSocket.connect(base, withOrigin(origin))) {
            assertEquals(403, client.status(), "handshake status for Origin: " + origin);
        }
    }

    private String sameOrigin() {
        return scheme() + "://" + base.getHost() + port();
    }

    private String scheme() {
        return base.getProtocol();
    }

    private String port() {
        return base.getPort() < 0 ? "" : ":" + base.getPort();
    }

    private int effectivePort() {
        return base.getPort() < 0 ? base.getDefaultPort() : base.getPort();
    }

    private static RawWebSocket.Options withOrigin(String origin) {
        return new RawWebSocket.Options().origin(origin);
    }
}
