package dev.ticker.wire;

/**
 * Input that does not follow the wire format; carries the error code the peer gets back.
 */
public final class WireException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public WireException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
