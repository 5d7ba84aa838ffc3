package dev.ticker.push;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test {

    @Test
    void countsBytesAsTheWireDoes() {
        for (String text : new String[] {"", "ACME", "é", "€", "😀", "a€b😀é"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), text);
        }
    }

    @Test
    void aTextAtTheLimitIsAllowedAndOneByteMoreIsNot() {
        String threeBytes = "€";
        assertFalse(Utf8.exceeds("a".repeat(10), 10));
        assertTrue(Utf8.exceeds("a".repeat(11), 10));
        assertFalse(Utf8.exceeds(threeBytes.repeat(3) + "a", 10));
        assertTrue(Utf8.exceeds(threeBytes.repeat(3) + "ab", 10));
    }
}
