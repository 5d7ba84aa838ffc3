package dev.ticker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The web origins whose pages may open a WebSocket to the ticker (the defence against cross-site WebSocket
 * hijacking): exact origins compared after normalising case and default ports, the keyword {@code same-host} for
 * pages served by the host the handshake was addressed to, or {@code *} for any. A handshake without an
 * {@code Origin} header comes from a non-browser client, which no web page can impersonate, and is allowed; the
 * opaque origin {@code null} (sandboxed frames, {@code file:} pages, some redirects) never is.
 *
 * @param sameHost whether a page from the requested host may connect
 * @param any      whether every origin may connect
 * @param origins  the listed origins, normalised ({@code scheme://host:port})
 */
public record AllowedOrigins(boolean sameHost, boolean any, Set<String> origins) {

    static final String SAME_HOST = "same-host";
    static final String ANY = "*";

    public AllowedOrigins {
        origins = Collections.unmodifiableSet(new LinkedHashSet<>(origins));
    }

    /** Parses the comma-separated setting value. */
    public static AllowedOrigins parse(String text) {
        boolean sameHost = false;
        boolean any = false;
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : text.split(",")) {
            String item = entry.trim();
            if (item.equals(SAME_HOST)) {
                sameHost = true;
            } else if (item.equals(ANY)) {
                any = true;
            } else {
                origins.add(normalise(item).orElseThrow(() -> new InvalidSettingException(
                        Setting.ALLOWED_ORIGINS.key() + " entries are same-host, * or origins like"
                                + " https://example.com:8443, not '" + item + "'")));
            }
        }
        return new AllowedOrigins(sameHost, any, origins);
    }

    /**
     * Whether a handshake may proceed.
     *
     * @param origin the {@code Origin} header, or null if absent
     * @param host   the {@code Host} header the handshake was addressed to, or null if unknown
     * @param scheme {@code http} or {@code https}: how the client reached the server (after any proxy)
     */
    public boolean allows(String origin, String host, String scheme) {
        if (origin == null) {
            return true;
        }
        Optional<String> normal = normalise(origin);
        if (normal.isEmpty()) {
            return false; // "null", garbage, other schemes
        }
        if (any || origins.contains(normal.get())) {
            return true;
        }
        return sameHost && host != null && scheme != null
                && normalise(scheme.toLowerCase(Locale.ROOT) + "://" + host.trim()).equals(normal);
    }

    /** {@code scheme://host:port} in lower case with the port made explicit, if {@code text} is a web origin. */
    static Optional<String> normalise(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (defaultPort < 0 || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** How the setting reads back, for logs. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (sameHost) {
            parts.add(SAME_HOST);
        }
        if (any) {
            parts.add(ANY);
        }
        parts.addAll(origins);
        return String.join(",", parts);
    }
}
