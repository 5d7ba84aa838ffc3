package dev.ticker.it;

import java.util.List;
import java.util.Random;

/**
 * Random JSON values for the fuzz test, biased towards almost-valid messages (a {@code type} and {@code symbols}
 * of every shape) so that they reach deep into the decoder. Always well-formed JSON and short of the size limit.
 */
final class RandomJson {

    private static final List<String> TYPES = List.of("subscribe", "unsubscribe", "welcome", "quote", "", "SUBSCRIBE");
    private static final List<String> SYMBOLS = List.of("ACME", "GLOBX", "INITK", "NOPE", "", "acme", "A\u00e9\u4e2d");

    private RandomJson() {
    }

    static String message(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> value(random, 3);
            case 1 -> "{\"type\":" + string(random, TYPES) + "}";
            default -> "{\"type\":" + (random.nextInt(4) == 0 ? value(random, 1) : string(random, TYPES))
                    + ",\"symbols\":" + (random.nextInt(3) == 0 ? value(random, 2) : symbols(random)) + "}";
        };
    }

    private static String symbols(Random random) {
        StringBuilder array = new StringBuilder("[");
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            array.append(i > 0 ? "," : "").append(random.nextInt(5) == 0 ? value(random, 1) : string(random, SYMBOLS));
        }
        return array.append(']').toString();
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Double.toString(random.nextGaussian() * 1e6);
            case 4 -> "1e" + (random.nextInt(700) - 350);
            case 5 -> quoted(randomText(random));
            case 6 -> "[" + value(random, depth - 1) + "," + value(random, depth - 1) + "]";
            default -> "{" + quoted(randomText(random)) + ":" + value(random, depth - 1) + ","
                    + "\"type\":" + value(random, depth - 1) + "}";
        };
    }

    private static String string(Random random, List<String> choices) {
        return quoted(choices.get(random.nextInt(choices.size())));
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x3000) : 0x20 + random.nextInt(0x5F);
            if (!Character.isSurrogate((char) c)) {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c);
        }
        return json.append('"').toString();
    }
}
