package dev.ticker.push;

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
        Instance<HttpServletRequest> requests = CDI.current().select(HttpServletRequest.class);
        if (!requests.isResolvable()) {
            return null;
        }
        HttpServletRequest request = requests.get();
        return HandshakeTarget.of(request.getHeader("Host"), request.getHeader("X-Forwarded-Proto"),
                request.isSecure());
    }
}
