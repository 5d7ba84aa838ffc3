package dev.ticker.fanout;

/**
 * Why an outbox gives up on its peer; each transport maps it to its own close signal.
 */
public enum Disconnect {
    /** A send failed: the connection is broken. */
    SEND_FAILED,
    /** The peer sent requests faster than it reads their replies. */
    FLOODED,
    /** The peer stopped reading: a send has been waiting longer than the stall timeout. */
    STALLED
}
