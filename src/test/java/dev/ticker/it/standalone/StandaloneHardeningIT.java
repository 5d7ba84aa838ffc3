package dev.ticker.it.standalone;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the standalone server does itself: TLS from a PKCS12 keystore (generated here with the JDK's keytool,
 * and trusted by a client that verifies the certificate and the host name), TLS 1.2 and 1.3 only, the bind address
 * honoured, and SIGTERM closing every session with 1001 within 5 s and exiting 0.
 */
@Tag("recipe")
@Tag("standalone")
class StandaloneHardeningIT {

    private static final String JAR = System.getProperty("ticker.it.standaloneJar");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final Duration GOING_AWAY = Duration.ofSeconds(5);
    private static final String PASSWORD = "changeit-" + ProcessHandle.current().pid();

    @TempDir
    Path work;

    @Test
    void servesHttpsAndWssFromAPkcs12KeystoreToAVerifyingClient() throws Exception {
        Path keystore = generateKeystore();
        TickerProcess ticker = start(List.of("--tls-keystore=" + keystore), Map.of("TICKER_TLS_KEYSTORE_PASSWORD", PASSWORD));
        try {
            URI base = ticker.url();
            assertEquals("https", base.getScheme(), "the URL the ticker prints");
            SSLContext trusting = trusting(exportCertificate(keystore));
            HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REPLY).build();
            HttpResponse<String> symbols = client.send(HttpRequest.newBuilder(base.resolve("api/symbols"))
                    .timeout(REPLY).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, symbols.statusCode(), symbols::body);
            JsonObject welcome = firstMessage(client, URI.create("wss://" + base.getAuthority() + "/ws/quotes"));
            assertEquals("welcome", welcome.getString("type"));
            assertRefusesPlainHttp(base);
        } finally {
            assertEquals(0, ticker.process().stop(Duration.ofSeconds(20)), ticker.process()::tail);
        }
    }

    @Test
    void negotiatesOnlyTls12AndTls13() throws Exception {
        Path keystore = generateKeystore();
        TickerProcess ticker = start(List.of("--tls-keystore=" + keystore), Map.of("TICKER_TLS_KEYSTORE_PASSWORD", PASSWORD));
        try {
            SSLContext trusting = trusting(exportCertificate(keystore));
            int port = ticker.url().getPort();
            assertEquals("TLSv1.3", handshake(trusting, port, "TLSv1.3"));
            assertEquals("TLSv1.2", handshake(trusting, port, "TLSv1.2"));
            // TLS 1.0 and 1.1: the JDK's client refuses them itself (jdk.tls.disabledAlgorithms), so a probe in a
            // JVM with that list emptied offers them; the server must refuse the handshake.
            for (String old : List.of("TLSv1.1", "TLSv1")) {
                assertEquals("refused", OldTlsProbe.run(work, port, old), "handshake offering only " + old);
            }
        } finally {
            assertEquals(0, ticker.process().stop(Duration.ofSeconds(20)), ticker.process()::tail);
        }
    }

    @Test
    void listensOnlyOnTheBindAddress() throws Exception {
        TickerProcess ticker = start(List.of("--bind=127.0.0.2"), Map.of());
        try {
            URI base = ticker.url();
            assertEquals("127.0.0.2", base.getHost());
            int port = base.getPort();
            try (Socket served = new Socket()) {
                served.connect(new InetSocketAddress("127.0.0.2", port), (int) REPLY.toMillis());
            }
            for (String other : otherLocalAddresses()) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket refused = new Socket()) {
                        refused.connect(new InetSocketAddress(other, port), (int) REPLY.toMillis());
                    }
                }, "port " + port + " must not be open on " + other);
            }
        } finally {
            assertEquals(0, ticker.process().stop(Duration.ofSeconds(20)), ticker.process()::tail);
        }
    }

    @Test
    void sigtermClosesEverySessionWith1001Within5sAndExits0() throws Exception {
        TickerProcess ticker = start(List.of(), Map.of());
        List<CompletableFuture<Integer>> closes = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ws = URI.create("ws://" + ticker.url().getAuthority() + "/ws/quotes");
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            client.newWebSocketBuilder().connectTimeout(REPLY).buildAsync(ws, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                    closed.complete(code);
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    closed.completeExceptionally(error);
                }
            }).get(REPLY.toSeconds(), TimeUnit.SECONDS);
            closes.add(closed);
        }
        long signalled = System.nanoTime();
        ticker.process().signalTerm();
        for (CompletableFuture<Integer> closed : closes) {
            long left = GOING_AWAY.toNanos() - (System.nanoTime() - signalled);
            assertEquals(1001, closed.get(Math.max(1, left), TimeUnit.NANOSECONDS), "close code on SIGTERM");
        }
        assertEquals(0, ticker.process().stop(Duration.ofSeconds(20)), ticker.process()::tail);
        assertThrows(ConnectException.class, () -> {
            try (Socket gone = new Socket()) {
                gone.connect(new InetSocketAddress(ticker.url().getHost(), ticker.url().getPort()), 2000);
            }
        }, "still accepting connections after the stop");
    }

    private TickerProcess start(List<String> options, Map<String, String> extraEnvironment) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port=0", "--seed=7"));
        all.addAll(options);
        return TickerProcess.startJar(JAR, all, extraEnvironment, STARTUP);
    }

    private Path generateKeystore() throws IOException, InterruptedException {
        Path keystore = work.resolve("ticker.p12");
        run(keytool(), "-genkeypair", "-alias", "ticker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        return keystore;
    }

    private Path exportCertificate(Path keystore) throws IOException, InterruptedException {
        Path certificate = work.resolve("ticker.pem");
        run(keytool(), "-exportcert", "-rfc", "-alias", "ticker", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-file", certificate.toString());
        return certificate;
    }

    /** A client context that trusts exactly this certificate, with the JDK's usual checks (host name included). */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("ticker", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static String handshake(SSLContext context, int port, String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout((int) REPLY.toMillis());
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** Plain HTTP to the TLS port gets no HTTP answer. */
    private static void assertRefusesPlainHttp(URI base) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout((int) REPLY.toMillis());
            socket.getOutputStream().write("GET /api/symbols HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertTrue(!new String(head, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"),
                    "plain HTTP was served on the TLS port");
        } catch (java.net.SocketException reset) {
            // refused outright: fine
        }
    }

    private static JsonObject firstMessage(HttpClient client, URI uri) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().connectTimeout(REPLY).buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    first.complete(text.toString());
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                first.completeExceptionally(error);
            }
        }).get(REPLY.toSeconds(), TimeUnit.SECONDS);
        try {
            return Json.createReader(new StringReader(first.get(REPLY.toSeconds(), TimeUnit.SECONDS))).readObject();
        } finally {
            socket.abort();
        }
    }

    /** Local addresses other than 127.0.0.2: another loopback address and every address of the machine's interfaces. */
    private static List<String> otherLocalAddresses() throws IOException {
        List<String> others = new ArrayList<>(List.of("127.0.0.1"));
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterfaceAddresses::of)
                .filter(address -> !address.startsWith("127.") && !address.contains(":"))
                .forEach(others::add);
        return others;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String keytool() {
        return Path.of(javaBinary()).resolveSibling("keytool").toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
    }

    /** The IPv4 addresses of one interface, as text. */
    private static final class NetworkInterfaceAddresses {
        static java.util.stream.Stream<String> of(java.net.NetworkInterface network) {
            return java.util.Collections.list(network.getInetAddresses()).stream()
                    .map(java.net.InetAddress::getHostAddress);
        }
    }
}
