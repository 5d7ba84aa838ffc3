package dev.ticker.wire;

import java.util.Objects;

/**
 * One encoded server message and what a transport needs to frame it: its {@code type} (the name of a server-sent
 * event) and the highest quote seq it carries ({@code seq}, a server-sent event's id; 0 when it carries none).
 * The WebSocket sends {@code json} as a text message; server-sent events send it as an event's data.
 */
public record Frame(String type, String json, long seq, int updates) {

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        if (updates < 0) {
            throw new IllegalArgumentException("updates must not be negative: " + updates);
        }
    }

    /** A frame carrying one live quote if its type is {@code quote}, none otherwise. */
    public Frame(String type, String json, long seq) {
        this(type, json, seq, type.equals("quote") ? 1 : 0);
    }

    /** A message that carries no quote. */
    public static Frame reply(String type, String json) {
        return new Frame(type, json, 0);
    }
}
