package dev.ticker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The {@code bus} setting: {@code memory} for a node on its own, or the {@code redis://host:port[/db]} address of the
 * Redis that several nodes share ({@code rediss://} for TLS; a password as {@code redis://:secret@host:port}).
 */
public record BusAddress(Optional<URI> redis) {

    public static final String MEMORY = "memory";

    public BusAddress {
        redis.ifPresent(uri -> {
            if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(uri.toString());
            }
        });
    }

    /** Reads the setting's text: {@code memory}, or a Redis URI. */
    public static BusAddress parse(String text) {
        String value = text.strip();
        if (value.equals(MEMORY)) {
            return new BusAddress(Optional.empty());
        }
        try {
            return new BusAddress(Optional.of(new URI(value)));
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
    }

    public boolean isMemory() {
        return redis.isEmpty();
    }

    /** The address without its password, for logs. */
    @Override
    public String toString() {
        return redis.map(uri -> uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath())).orElse(MEMORY);
    }

    private static InvalidSettingException invalid(String value) {
        return new InvalidSettingException(Setting.BUS.key() + " must be " + MEMORY
                + " or a Redis address such as redis://127.0.0.1:6379, not '" + value + "'");
    }
}
