package dev.ticker.config;

/**
 * What one WebSocket client may do before the server cuts it off: the limits of the README's configuration table,
 * validated.
 *
 * @param maxMessageBytes the largest text message a client may send, in UTF-8 bytes
 */
public record ClientLimits(int maxMessageBytes) {

    static final int MIN_MESSAGE_BYTES = 64;
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    public ClientLimits {
        InvalidSettingException.requireRange(Setting.MAX_MESSAGE_BYTES, maxMessageBytes,
                MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
    }
}
