package dev.ticker.push;

/**
 * Tells {@link PushHandshake} which request it is checking, since {@code checkOrigin} only receives the origin.
 * The standalone server provides one (its engine knows the request); on an application server there is none and
 * the servlet request being upgraded answers instead.
 */
public interface HandshakeTargets {

    /** The handshake being processed on this thread, or null if none. */
    HandshakeTarget current();
}
