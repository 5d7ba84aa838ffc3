package dev.ticker.push;

/**
 * The size of a text on the wire, without encoding it: what a client's message weighed in UTF-8.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Whether {@code text} takes more than {@code limit} bytes in UTF-8. */
    static boolean exceeds(String text, int limit) {
        if (text.length() > limit) {
            return true; // every char takes at least one byte
        }
        if ((long) text.length() * 3 <= limit) {
            return false; // no char of a Java string takes more than three bytes (a surrogate pair, four for two)
        }
        return length(text) > limit;
    }

    static long length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
