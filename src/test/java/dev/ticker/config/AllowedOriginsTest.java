package dev.ticker.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedOriginsTest {

    private final AllowedOrigins sameHost = AllowedOrigins.parse("same-host");

    @Test
    void sameHostAllowsThePageOfTheAddressedHostAndPort() {
        assertTrue(sameHost.allows("http://localhost:8280", "localhost:8280", "http"));
        assertTrue(sameHost.allows("HTTP://LocalHost:8280", "localhost:8280", "http"));
        assertTrue(sameHost.allows("https://example.com", "example.com", "https"));
        assertTrue(sameHost.allows("https://example.com:443", "example.com", "https"));
        assertTrue(sameHost.allows("http://[::1]:8280", "[::1]:8280", "http"));
    }

    @Test
    void sameHostRefusesLookAlikesOtherPortsAndOtherSchemes() {
        assertFalse(sameHost.allows("https://example.com.evil.org", "example.com", "https"));
        assertFalse(sameHost.allows("https://evilexample.com", "example.com", "https"));
        assertFalse(sameHost.allows("https://example.com:8443", "example.com", "https"));
        assertFalse(sameHost.allows("http://example.com", "example.com", "https"));
        assertFalse(sameHost.allows("https://example.com@evil.org", "example.com", "https"));
        assertFalse(sameHost.allows("https://example.com/path", "example.com", "https"));
        assertFalse(sameHost.allows("https://example.com", null, null));
    }

    @Test
    void theOpaqueOriginNullAndGarbageAreRefusedEvenWhenEverythingElseIsAllowed() {
        AllowedOrigins any = AllowedOrigins.parse("*");
        assertTrue(any.allows("https://anything.example", "example.com", "https"));
        for (AllowedOrigins allowed : new AllowedOrigins[] {sameHost, any}) {
            assertFalse(allowed.allows("null", "example.com", "https"));
            assertFalse(allowed.allows("file://", "example.com", "https"));
            assertFalse(allowed.allows("chrome-extension://abc", "example.com", "https"));
            assertFalse(allowed.allows("", "example.com", "https"));
            assertFalse(allowed.allows("http://", "example.com", "https"));
        }
    }

    @Test
    void aHandshakeWithoutOriginIsNoBrowserAndIsAllowed() {
        assertTrue(AllowedOrigins.parse("https://only.example").allows(null, "example.com", "https"));
    }

    @Test
    void listedOriginsMatchExactlyAfterNormalising() {
        AllowedOrigins listed = AllowedOrigins.parse(" https://App.Example.com , http://localhost:3000");
        assertTrue(listed.allows("https://app.example.com:443", "ticker.internal:8080", "http"));
        assertTrue(listed.allows("http://localhost:3000", "ticker.internal:8080", "http"));
        assertFalse(listed.allows("http://localhost:3001", "localhost:3001", "http"), "same-host is not listed");
        assertFalse(listed.allows("https://app.example.com.evil.org", "x", "https"));
        assertEquals("https://app.example.com:443,http://localhost:3000", listed.toString());
    }

    @Test
    void malformedEntriesStopTheTickerNamingTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AllowedOrigins.parse("same-host,example.com"));
        assertTrue(e.getMessage().startsWith("allowed-origins"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> AllowedOrigins.parse("https://example.com/app"));
    }
}
