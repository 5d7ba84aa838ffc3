package dev.ticker.market;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain stays plain Java: no Jakarta API, no Redis client, no adapter, no composition root. */
class DomainPurityTest {

    private static final Path MAIN = Path.of("src/main/java/dev/ticker");
    private static final List<String> PLAIN_PACKAGES = List.of("market", "fanout", "config", "cluster");
    /** The EE composition, the standalone launcher, the servlet containers' scheduler. */
    private static final List<String> COMPOSITION_ROOTS = List.of("ee", "standalone", "servlet");

    @Test
    void domainPackagesImportNothingButTheJdkAndEachOther() throws IOException {
        for (String pkg : PLAIN_PACKAGES) {
            Path dir = MAIN.resolve(pkg);
            assertTrue(Files.isDirectory(dir), dir + " exists");
            try (Stream<Path> files = Files.list(dir)) {
                List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                        .flatMap(DomainPurityTest::imports)
                        .filter(line -> !line.matches("import (static )?java\\..*")
                                && !line.matches("import dev\\.ticker\\.(market|fanout|config)\\..*"))
                        .toList();
                assertEquals(List.of(), offending, "imports in " + pkg);
            }
        }
    }

    @Test
    void nothingImportsTheCompositionRoots() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> COMPOSITION_ROOTS.stream().noneMatch(root -> file.startsWith(MAIN.resolve(root))))
                    .flatMap(file -> imports(file).map(line -> file.getFileName() + ": " + line))
                    .filter(line -> COMPOSITION_ROOTS.stream().anyMatch(root -> line.contains("dev.ticker." + root + ".")))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }

    @Test
    void onlyTheRedisAdapterImportsTheRedisClient() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(MAIN.resolve("redis")))
                    .flatMap(file -> imports(file).map(line -> file.getFileName() + ": " + line))
                    .filter(line -> line.contains(" io.lettuce.") || line.contains(" io.netty.")
                            || line.contains(" reactor."))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith("import "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
