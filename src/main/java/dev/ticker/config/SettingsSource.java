package dev.ticker.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Collects raw setting values from the environment, then system properties, then command-line options; a later
 * source overrides an earlier one. Rejects command-line options it does not know, so a typo is not silently ignored.
 */
public final class SettingsSource {

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    public SettingsSource environment(Map<String, String> environment) {
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentName());
            if (value != null) {
                values.put(setting, value);
            }
        }
        return this;
    }

    public SettingsSource systemProperties(Properties properties) {
        for (Setting setting : Setting.values()) {
            String value = properties.getProperty(setting.propertyName());
            if (value != null) {
                values.put(setting, value);
            }
        }
        return this;
    }

    /** Accepts {@code --name=value} and {@code --name value}. */
    public SettingsSource commandLine(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new InvalidSettingException("unexpected argument '" + arg + "' (options look like --port=8080)");
            }
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            Setting setting = Setting.byKey(key)
                    .orElseThrow(() -> new InvalidSettingException("unknown option --" + key));
            if (equals >= 0) {
                values.put(setting, arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                values.put(setting, args.get(++i));
            } else {
                throw new InvalidSettingException("option --" + key + " needs a value");
            }
        }
        return this;
    }

    /** The raw values found, by setting; absent settings take their defaults in {@link TickerSettings}. */
    public Map<Setting, String> values() {
        return Map.copyOf(values);
    }

    public TickerSettings load() {
        return TickerSettings.from(values);
    }
}
