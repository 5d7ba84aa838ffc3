package dev.ticker.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsSourceTest {

    @Test
    void defaultsServeTwentySymbolsOnLoopback8080() {
        TickerSettings settings = TickerSettings.defaults();

        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals(Duration.ofMillis(250), settings.interval());
        assertEquals(20, settings.instruments().size());
        assertFalse(settings.seedGiven());
    }

    @Test
    void commandLineBeatsSystemPropertiesWhichBeatTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("ticker.port", "9000");
        properties.setProperty("ticker.interval-ms", "100");

        TickerSettings settings = new SettingsSource()
                .environment(Map.of("TICKER_PORT", "7000", "TICKER_INTERVAL_MS", "50", "TICKER_SEED", "5"))
                .systemProperties(properties)
                .commandLine(List.of("--port=9100"))
                .load();

        assertEquals(9100, settings.port());
        assertEquals(Duration.ofMillis(100), settings.interval());
        assertEquals(5, settings.seed());
        assertTrue(settings.seedGiven());
    }

    @Test
    void acceptsOptionValuesAsTheNextArgument() {
        TickerSettings settings = new SettingsSource().commandLine(List.of("--bind", "0.0.0.0", "--port", "0")).load();

        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals(0, settings.port());
    }

    @Test
    void rejectsAnUnknownOptionByName() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new SettingsSource().commandLine(List.of("--prot=8080")));

        assertEquals("unknown option --prot", e.getMessage());
    }

    @Test
    void explainsAMalformedNumber() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new SettingsSource().commandLine(List.of("--interval-ms=fast")).load());

        assertEquals("interval-ms must be a whole number, not 'fast'", e.getMessage());
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThrows(InvalidSettingException.class, () -> load("--port=70000"));
        assertThrows(InvalidSettingException.class, () -> load("--interval-ms=0"));
        assertThrows(InvalidSettingException.class, () -> load("--activity=0"));
    }

    @Test
    void clientLimitsHaveDefaultsAndRanges() {
        assertEquals(4096, TickerSettings.defaults().limits().maxMessageBytes());
        assertEquals(100_000, load("--max-message-bytes=100000").limits().maxMessageBytes());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load("--max-message-bytes=10"));
        assertEquals("max-message-bytes must be between 64 and 16777216, not 10", e.getMessage());
    }

    @Test
    void readsAnInlineUniverse() {
        TickerSettings settings = load("--symbols=AAA,Triple A,10.5,0.2; BBB,Bee Corp,3,0.1");

        assertEquals(List.of("AAA", "BBB"), settings.instruments().stream().map(i -> i.symbol()).toList());
        assertEquals(new BigDecimal("10.50"), settings.instruments().get(0).startPrice());
        assertEquals("Bee Corp", settings.instruments().get(1).name());
    }

    @Test
    void readsAUniverseFileSkippingCommentsAndBlankLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("symbols.csv");
        Files.writeString(file, "# mine\n\nZZZ,Zed,1.00,0.5\n");

        TickerSettings settings = load("--symbols-file=" + file);

        assertEquals("ZZZ", settings.instruments().get(0).symbol());
    }

    @Test
    void namesTheEntryOfAMalformedUniverse() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> load("--symbols=AAA,A,1,0.1;bad entry"));

        assertEquals("symbols entry 2: expected SYMBOL,Name,startPrice,volatility but got 'bad entry'",
                e.getMessage());
    }

    @Test
    void rejectsAUniverseListingASymbolTwice() {
        assertThrows(IllegalArgumentException.class,
                () -> new dev.ticker.market.SymbolUniverse(load("--symbols=AAA,A,1,0.1;AAA,B,2,0.1").instruments()));
    }

    @Test
    void rejectsBothAnInlineUniverseAndAFile() {
        assertThrows(InvalidSettingException.class, () -> load("--symbols=AAA,A,1,0.1", "--symbols-file=x"));
    }

    @Test
    void rejectsAMissingUniverseFileWithItsName() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> load("--symbols-file=/nonexistent/symbols.csv"));

        assertTrue(e.getMessage().startsWith("symbols-file: cannot read /nonexistent/symbols.csv"), e.getMessage());
    }

    @Test
    void everySettingHasAPropertyAndAnEnvironmentName() {
        assertEquals("ticker.interval-ms", Setting.INTERVAL_MS.propertyName());
        assertEquals("TICKER_INTERVAL_MS", Setting.INTERVAL_MS.environmentName());
        assertEquals("TICKER_SYMBOLS_FILE", Setting.SYMBOLS_FILE.environmentName());
    }

    private static TickerSettings load(String... args) {
        return new SettingsSource().commandLine(List.of(args)).load();
    }
}
