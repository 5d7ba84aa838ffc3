package dev.ticker.wire;

/**
 * The stable, machine-readable codes of {@code error} messages and HTTP error bodies.
 */
public enum ErrorCode {
    /** The text is not JSON. */
    NOT_JSON("not-json"),
    /** JSON, but not a message of the expected shape (not an object, missing or mistyped field). */
    INVALID_MESSAGE("invalid-message"),
    /** A message whose {@code type} the server does not know. */
    UNKNOWN_TYPE("unknown-type"),
    /** One or more symbols are not listed; the listed ones in the same request still apply. */
    UNKNOWN_SYMBOL("unknown-symbol"),
    /** A subscription would exceed the symbols one session may hold; the listed symbols were refused. */
    TOO_MANY_SYMBOLS("too-many-symbols"),
    /** A WebSocket handshake was refused (its origin is not allowed). */
    HANDSHAKE_REFUSED("handshake-refused"),
    /** An HTTP query parameter is malformed. */
    INVALID_PARAMETER("invalid-parameter"),
    /** No such HTTP resource. */
    NOT_FOUND("not-found"),
    /** The HTTP method is not supported by the resource. */
    METHOD_NOT_ALLOWED("method-not-allowed"),
    /** The request cannot be served in the requested form (e.g. an unsupported Accept header). */
    NOT_ACCEPTABLE("not-acceptable"),
    /** A fault of the server; details are in its log, never in the response. */
    INTERNAL("internal-error");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
