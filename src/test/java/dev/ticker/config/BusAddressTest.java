package dev.ticker.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusAddressTest {

    @Test
    void defaultBusIsInMemory() {
        assertTrue(TickerSettings.defaults().bus().isMemory());
    }

    @Test
    void redisAddressComesFromTheBusOption() {
        TickerSettings settings = new SettingsSource().commandLine(List.of("--bus=redis://127.0.0.1:6479/2")).load();

        assertEquals(URI.create("redis://127.0.0.1:6479/2"), settings.bus().redis().orElseThrow());
    }

    @Test
    void logFormHidesThePassword() {
        assertEquals("redis://db.example:6379/0", BusAddress.parse("redis://:secret@db.example/0").toString());
    }

    @Test
    void rejectsAnythingButMemoryOrARedisAddressByName() {
        for (String bad : List.of("redis", "http://127.0.0.1:6379", "redis://", "kafka://x:1", "re dis://x")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> BusAddress.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("bus must be memory or a Redis address"), e.getMessage());
        }
    }
}
