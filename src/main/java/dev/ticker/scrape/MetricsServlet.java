package dev.ticker.scrape;

import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.MetricsText;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code GET metrics}: the ticker's counters in the Prometheus text format, right under the context root where
 * scrapers look by default. GET and HEAD only; anything else is a 405, as standalone.
 * <p>
 * The metrics bean is looked up through {@link CDI#current()} on every request rather than injected into the
 * servlet: that works the same with a server's CDI and with the Weld Servlet of {@code ticker-servlet.war}, and the
 * bean is an application-scoped client proxy, so the lookup is cheap.
 */
@WebServlet(name = "ticker-metrics", urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final MetricsText format = new MetricsText();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noStore(response);
        String text = format.render(CDI.current().select(TickerMetrics.class).get().snapshot());
        response.setContentType(MetricsText.CONTENT_TYPE);
        try (Writer body = response.getWriter()) {
            body.write(text);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        response.setContentType(MetricsText.CONTENT_TYPE);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
            return;
        }
        noStore(response);
        response.setHeader("Allow", "GET, HEAD");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
