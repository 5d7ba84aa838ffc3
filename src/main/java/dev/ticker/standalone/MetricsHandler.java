package dev.ticker.standalone;

import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.MetricsText;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code GET /metrics} on the standalone server, which has no Servlet API. In every WAR the servlet
 * {@code dev.ticker.scrape.MetricsServlet} serves it. Both write {@link MetricsText}, so the text is the same.
 */
final class MetricsHandler extends HttpHandler {

    private final TickerMetrics metrics;
    private final MetricsText format = new MetricsText();

    MetricsHandler(TickerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
            return;
        }
        response.setContentType(MetricsText.CONTENT_TYPE);
        if (request.getMethod() == Method.HEAD) {
            return;
        }
        try (Writer body = response.getWriter()) {
            body.write(format.render(metrics.snapshot()));
        }
    }
}
