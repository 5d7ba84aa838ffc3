package dev.ticker.config;

import dev.ticker.market.Instrument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticker's validated settings. {@code seedGiven} says whether the seed was configured or drawn at random
 * (then it is logged, so a run can be reproduced). {@code bus} says whether this node runs alone or shares one quote
 * stream with other nodes through Redis.
 */
public record TickerSettings(String bindAddress, int port, Duration interval, long seed, boolean seedGiven,
                             double activity, List<Instrument> instruments, int historySize,
                             BusAddress bus, ClientLimits limits, AllowedOrigins allowedOrigins,
                             Optional<TlsKeystore> tls) {

    private static final long MAX_INTERVAL_MS = 60_000;
    private static final int MAX_HISTORY = 1_000_000;

    public TickerSettings {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidSettingException(Setting.BIND.key() + " must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidSettingException(Setting.PORT.key() + " must be between 0 and 65535, not " + port);
        }
        if (interval.toMillis() < 1 || interval.toMillis() > MAX_INTERVAL_MS) {
            throw new InvalidSettingException(
                    Setting.INTERVAL_MS.key() + " must be between 1 and " + MAX_INTERVAL_MS + ", not " + interval.toMillis());
        }
        if (!(activity > 0 && activity <= 1)) {
            throw new InvalidSettingException(Setting.ACTIVITY.key() + " must be in (0, 1], not " + activity);
        }
        if (historySize < 0 || historySize > MAX_HISTORY) {
            throw new InvalidSettingException(
                    Setting.HISTORY.key() + " must be between 0 and " + MAX_HISTORY + ", not " + historySize);
        }
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(tls, "tls");
    }

    /** Builds settings from raw values; settings absent from {@code values} take their defaults. */
    public static TickerSettings from(Map<Setting, String> values) {
        String seedText = values.get(Setting.SEED);
        boolean seedGiven = seedText != null && !seedText.equals("random");
        return new TickerSettings(
                values.getOrDefault(Setting.BIND, Setting.BIND.defaultText()).trim(),
                parseInt(values, Setting.PORT),
                Duration.ofMillis(parseLong(values, Setting.INTERVAL_MS)),
                seedGiven ? parseLong(values, Setting.SEED) : new SecureRandom().nextLong(),
                seedGiven,
                parseDouble(values, Setting.ACTIVITY),
                instruments(values),
                parseInt(values, Setting.HISTORY),
                BusAddress.parse(values.getOrDefault(Setting.BUS, Setting.BUS.defaultText())),
                limits(values),
                AllowedOrigins.parse(values.getOrDefault(Setting.ALLOWED_ORIGINS, Setting.ALLOWED_ORIGINS.defaultText())),
                TlsKeystore.from(values.get(Setting.TLS_KEYSTORE), values.get(Setting.TLS_KEYSTORE_PASSWORD)));
    }

    /** The settings with every default. */
    public static TickerSettings defaults() {
        return from(Map.of());
    }

    private static ClientLimits limits(Map<Setting, String> values) {
        return new ClientLimits(parseInt(values, Setting.MAX_MESSAGE_BYTES),
                parseInt(values, Setting.MAX_SYMBOLS_PER_SESSION),
                parseInt(values, Setting.MAX_MESSAGES_PER_SECOND),
                parseInt(values, Setting.MAX_SESSIONS),
                parseInt(values, Setting.MAX_SESSIONS_PER_ADDRESS),
                Duration.ofSeconds(parseLong(values, Setting.PING_INTERVAL_SECONDS)),
                Duration.ofSeconds(parseLong(values, Setting.STALL_TIMEOUT_SECONDS)));
    }

    private static List<Instrument> instruments(Map<Setting, String> values) {
        String inline = values.get(Setting.SYMBOLS);
        String file = values.get(Setting.SYMBOLS_FILE);
        if (inline != null && file != null) {
            throw new InvalidSettingException(
                    "set either " + Setting.SYMBOLS.key() + " or " + Setting.SYMBOLS_FILE.key() + ", not both");
        }
        if (inline != null) {
            return UniverseFormat.parse(List.of(inline.split(";")), Setting.SYMBOLS.key());
        }
        if (file != null) {
            try {
                return UniverseFormat.parse(Files.readAllLines(Path.of(file)), file);
            } catch (IOException e) {
                throw new InvalidSettingException(
                        Setting.SYMBOLS_FILE.key() + ": cannot read " + file + " (" + e.getMessage() + ")", e);
            }
        }
        return UniverseFormat.builtIn();
    }

    private static int parseInt(Map<Setting, String> values, Setting setting) {
        long value = parseLong(values, setting);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(setting.key() + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long parseLong(Map<Setting, String> values, Setting setting) {
        String text = values.getOrDefault(setting, setting.defaultText()).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting.key() + " must be a whole number, not '" + text + "'", e);
        }
    }

    private static double parseDouble(Map<Setting, String> values, Setting setting) {
        String text = values.getOrDefault(setting, setting.defaultText()).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting.key() + " must be a number, not '" + text + "'", e);
        }
    }
}
