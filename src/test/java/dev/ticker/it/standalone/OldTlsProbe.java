package dev.ticker.it.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Offers an old TLS version to a server from a separate JVM whose security properties allow it (the test's own JVM
 * refuses to offer TLS 1.0/1.1 at all). Prints {@code refused} or {@code accepted <protocol>}. The certificate is not
 * checked: only the protocol negotiation matters here.
 */
final class OldTlsProbe {

    private static final String SOURCE = """
            import javax.net.ssl.*;
            import java.security.cert.X509Certificate;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    TrustManager[] any = {new X509TrustManager() {
                        public void checkClientTrusted(X509Certificate[] c, String a) { }
                        public void checkServerTrusted(X509Certificate[] c, String a) { }
                        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                    }};
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, any, null);
                    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                            Integer.parseInt(args[0]))) {
                        socket.setSoTimeout(10000);
                        socket.setEnabledProtocols(new String[] {args[1]});
                        socket.startHandshake();
                        System.out.println("accepted " + socket.getSession().getProtocol());
                    } catch (javax.net.ssl.SSLException e) {
                        System.out.println("refused");
                    }
                }
            }
            """;

    private OldTlsProbe() {
    }

    static String run(Path work, int port, String protocol) throws IOException, InterruptedException {
        Path source = work.resolve("Probe.java");
        Files.writeString(source, SOURCE);
        Path security = work.resolve("old-tls.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=\njdk.tls.legacyAlgorithms=\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "-Djava.security.properties=" + security, source.toString(),
                Integer.toString(port), protocol).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!probe.waitFor(60, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("the TLS probe did not finish");
        }
        if (!output.equals("refused") && !output.startsWith("accepted")) {
            throw new AssertionError("the TLS probe failed:\n" + output);
        }
        return output;
    }
}
