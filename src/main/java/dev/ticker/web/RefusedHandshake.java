package dev.ticker.web;

import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code 403} to a WebSocket handshake under {@code ws/} that the container did not upgrade. Tyrus and Open
 * Liberty answer a refused origin with 403 themselves; Undertow (WildFly) instead passes the request on to the
 * servlets, where it would end as a 404. Anything that is not a handshake stays a 404.
 */
@WebServlet("/ws/*")
public class RefusedHandshake extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = new WireCodec().encode(new ServerMessage.Error(ErrorCode.HANDSHAKE_REFUSED,
                "WebSocket handshake refused: origin not allowed")).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
