package dev.ticker.config;

/**
 * A setting is malformed or out of range; the message names the setting and says what is expected.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws unless {@code min <= value <= max}, naming the setting and the range. */
    static void requireRange(Setting setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(
                    setting.key() + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
