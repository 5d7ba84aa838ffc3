package dev.ticker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A generated symbol universe of a given size, and seeded choices of symbols from it. */
final class Universe {

    private final List<String> symbols;

    Universe(int size) {
        symbols = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            symbols.add(String.format("S%03d", i));
        }
    }

    /** Writes it in the ticker's --symbols-file format. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("universe-" + symbols.size() + ".csv");
        List<String> lines = new ArrayList<>();
        for (String symbol : symbols) {
            lines.add(symbol + ",Bench " + symbol + ",100.00,0.30");
        }
        Files.write(file, lines);
        return file;
    }

    List<String> all() {
        return List.copyOf(symbols);
    }

    /** {@code k} distinct symbols for session {@code session}, the same every run. */
    List<String> pick(int session, int k) {
        List<String> shuffled = new ArrayList<>(symbols);
        Collections.shuffle(shuffled, new Random(session));
        return List.copyOf(shuffled.subList(0, Math.min(k, shuffled.size())));
    }
}
