package dev.ticker.push;

/**
 * Where a WebSocket handshake was addressed, as the client saw it: its {@code Host} header and its scheme
 * ({@code http} or {@code https}, after any proxy that says so in {@code X-Forwarded-Proto}).
 *
 * @param host   the Host header, or null if unknown
 * @param scheme the scheme, or null if unknown
 */
public record HandshakeTarget(String host, String scheme) {

    static final HandshakeTarget UNKNOWN = new HandshakeTarget(null, null);

    /** The target of a request with these headers, received over TLS or not. */
    public static HandshakeTarget of(String host, String forwardedProto, boolean secure) {
        String proto = forwardedProto == null ? null : forwardedProto.split(",")[0].trim();
        boolean web = "http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto);
        return new HandshakeTarget(host, web ? proto : secure ? "https" : "http");
    }
}
