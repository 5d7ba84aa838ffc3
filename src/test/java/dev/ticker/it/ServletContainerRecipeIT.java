package dev.ticker.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the Tomcat and Jetty recipes (deploy/tomcat/server.xml, deploy/jetty/ticker.ini) promise beyond what the
 * suite, which runs on them, already proves: the server listens on the loopback address only, so nothing but a proxy
 * on the same machine reaches it until the operator says otherwise. Read from the kernel's socket table
 * ({@code /proc/net/tcp} and {@code tcp6}, Linux), which lists what is listening whatever the machine's interfaces.
 */
@ArquillianTest
@Tag("recipe")
@Tag("tomcat")
@Tag("jetty")
class ServletContainerRecipeIT {

    private static final String LISTEN = "0A";
    /** 127.0.0.1 as /proc/net/tcp writes it, and as tcp6 writes ::ffff:127.0.0.1 and ::1. */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "0000000000000000FFFF00000100007F",
            "00000000000000000000000001000000");

    /** Never deployed: only here because an Arquillian test class declares its deployments. */
    @Deployment(name = "unused", managed = false, testable = false)
    public static WebArchive unused() {
        return TickerWar.built();
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        int port = URI.create(System.getProperty("ticker.it.serverUrl")).getPort();

        List<String> listening = listeningAddresses(port);

        assertFalse(listening.isEmpty(), "nothing listens on port " + port);
        assertEquals(List.of(), listening.stream().filter(address -> !LOOPBACK.contains(address)).toList(),
                "addresses other than loopback listening on port " + port);
    }

    /** The local addresses (hex, as the kernel writes them) of the sockets listening on {@code port}. */
    private static List<String> listeningAddresses(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        return Stream.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"))
                .filter(Files::isReadable)
                .flatMap(ServletContainerRecipeIT::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length > 3 && LISTEN.equals(columns[3]))
                .map(columns -> columns[1].split(":"))
                .filter(local -> local.length == 2 && local[1].equals(hexPort))
                .map(local -> local[0])
                .toList();
    }

    private static Stream<String> lines(Path table) {
        try {
            // The first line is the header.
            return Files.readAllLines(table).stream().skip(1);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + table, e);
        }
    }
}
