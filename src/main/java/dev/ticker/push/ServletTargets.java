package dev.ticker.push;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

/**
 * On an application server every implementation here upgrades a WebSocket inside the servlet request, on its
 * thread, where CDI's built-in {@code HttpServletRequest} bean is that request. Not a bean itself, and used only
 * where there is no {@link HandshakeTargets} bean, so the standalone server never needs the servlet API.
 */
final class ServletTargets {

    private ServletTargets() {
    }

    static HandshakeTarget current() {
        HttpServletRequest request = request();
        return request == null ? null : HandshakeTarget.of(request.getHeader("Host"),
                request.getHeader("X-Forwarded-Proto"), request.isSecure());
    }

    /**
     * The client's address as the servlet request has it: the one portable way to it on servers whose WebSocket
     * session exposes none (Tomcat, Open Liberty). Null outside a servlet request.
     */
    static String remoteAddress() {
        HttpServletRequest request = request();
        try {
            return request == null ? null : request.getRemoteAddr();
        } catch (ContextNotActiveException e) {
            // A container that upgrades outside the request's scope: no address, so no per-address limit.
            return null;
        }
    }

    private static HttpServletRequest request() {
        Instance<HttpServletRequest> requests = CDI.current().select(HttpServletRequest.class);
        return requests.isResolvable() ? requests.get() : null;
    }
}
