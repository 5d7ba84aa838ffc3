package dev.ticker.config;

import dev.ticker.market.Instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a symbol universe: one {@code SYMBOL,Name,startPrice,volatility} entry per line (or per ';'-separated part
 * of an inline setting). Blank lines and lines starting with '#' are skipped. Errors name the source and entry.
 */
final class UniverseFormat {

    private static final String BUILT_IN = "default-symbols.csv";

    private UniverseFormat() {
    }

    static List<Instrument> parse(List<String> lines, String source) {
        List<Instrument> instruments = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            instruments.add(parseEntry(entry, source + " entry " + number));
        }
        if (instruments.isEmpty()) {
            throw new InvalidSettingException(source + ": no symbols");
        }
        return instruments;
    }

    /** The universe the ticker quotes unless configured otherwise: 20 fictitious companies. */
    static List<Instrument> builtIn() {
        try (InputStream in = UniverseFormat.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text.lines().toList(), "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instrument parseEntry(String entry, String where) {
        String[] fields = entry.split(",", -1);
        if (fields.length != 4) {
            throw new InvalidSettingException(
                    where + ": expected SYMBOL,Name,startPrice,volatility but got '" + entry + "'");
        }
        try {
            return new Instrument(fields[0].strip(), fields[1].strip(),
                    new BigDecimal(fields[2].strip()), Double.parseDouble(fields[3].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(where + ": start price and volatility must be numbers in '" + entry + "'", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(where + ": " + e.getMessage(), e);
        }
    }
}
