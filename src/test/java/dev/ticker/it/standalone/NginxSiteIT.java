package dev.ticker.it.standalone;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's site file, {@code deploy/nginx/ticker-site.conf}, passes {@code nginx -t} in both its variants (the
 * jar at "/", the WAR under "/ticker/"): its includes resolve from nginx's configuration folder and every directive
 * parses. The nginx target runs the suite through the files this site includes; this covers the site itself and the
 * application-server variant, which no target here runs. {@code nginx -t} binds the listen address, so the copy
 * under test listens on a free loopback port instead of port 80; nothing else in it changes.
 */
@Tag("recipe")
@Tag("nginx")
class NginxSiteIT {

    private static final Path RECIPE = Path.of(System.getProperty("ticker.it.nginxRecipe", "deploy/nginx"));
    private static final Path WORK = Path.of("target/nginx-site-check");
    private static final String NGINX = "/usr/sbin/nginx";
    private static final long TIMEOUT_SECONDS = 30;
    private static final String STANDALONE_INCLUDE = "    include ticker/ticker-root.conf;";
    private static final String SERVER_INCLUDE = "    #include ticker/ticker-context-root.conf;";

    @Test
    void siteForTheStandaloneJarPassesNginxConfigTest() throws Exception {
        assertPassesConfigTest(site());
    }

    @Test
    void siteForAnApplicationServerPassesNginxConfigTest() throws Exception {
        String site = replaceOnce(site(), STANDALONE_INCLUDE, "    #include ticker/ticker-root.conf;");
        assertPassesConfigTest(replaceOnce(site, SERVER_INCLUDE, "    include ticker/ticker-context-root.conf;"));
    }

    /** The site as shipped, but listening where a test may. */
    private static String site() throws IOException {
        String site = Files.readString(RECIPE.resolve("ticker-site.conf"), StandardCharsets.UTF_8);
        return replaceOnce(site, "    listen 80;", "    listen 127.0.0.1:" + freeLoopbackPort() + ";");
    }

    private static void assertPassesConfigTest(String site) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of(NGINX)), NGINX + " is missing: apt-get install nginx (.ci/run does)");
        NginxConf conf = new NginxConf(WORK, RECIPE);
        conf.prepare();
        Path siteFile = WORK.resolve("site-under-test.conf").toAbsolutePath();
        Files.writeString(siteFile, site, StandardCharsets.UTF_8);
        conf.write("include " + siteFile + ";");

        Process check = new ProcessBuilder(NGINX, "-t", "-c", conf.file().toString()).redirectErrorStream(true).start();
        boolean finished = check.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            check.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "nginx -t did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, check.exitValue(), () -> "nginx -t failed:\n" + output);
        assertTrue(output.contains("test is successful"), () -> "nginx -t did not confirm:\n" + output);
        List<String> complaints = output.lines().filter(line -> line.contains("[warn]") || line.contains("[emerg]")).toList();
        assertEquals(List.of(), complaints, () -> "nginx -t complained:\n" + output);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertTrue(at >= 0 && text.indexOf(target, at + 1) < 0,
                () -> "ticker-site.conf must hold the line '" + target + "' exactly once; the test edits only that line");
        return text.replace(target, replacement);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
