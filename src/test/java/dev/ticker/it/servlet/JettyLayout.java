package dev.ticker.it.servlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Jetty 12.1 as a JETTY_BASE next to the unpacked JETTY_HOME: deploy/jetty/ticker.ini in {@code start.d/} (modules,
 * loopback address, hot deployment), and empty {@code webapps/} and {@code environments/}. The port is a start
 * property on the command line, which wins over the file's.
 */
final class JettyLayout implements ServerLayout {

    private final ServletContainerConfiguration configuration;
    private final Path home;
    private final Path base;

    JettyLayout(ServletContainerConfiguration configuration) {
        this.configuration = configuration;
        this.home = Path.of(configuration.getHome()).toAbsolutePath();
        this.base = Path.of(configuration.getBase()).toAbsolutePath();
    }

    @Override
    public void prepare() throws IOException {
        Folders.recreate(base);
        Path startD = Files.createDirectories(base.resolve("start.d"));
        Files.copy(Path.of(configuration.getRecipe(), "ticker.ini"), startD.resolve("ticker.ini"));
        Files.createDirectories(base.resolve("webapps"));
        Files.createDirectories(base.resolve("environments"));
    }

    @Override
    public List<String> command() {
        // The test JVM's java, so the server runs on the JDK the build chose. No JVM options: start.jar then runs
        // Jetty in its own JVM instead of forking a second one.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", home.resolve("start.jar").toString(), "jetty.home=" + home,
                "jetty.base=" + base, "jetty.http.port=" + configuration.getHttpPort());
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public Path base() {
        return base;
    }

    @Override
    public Path webapps() {
        return base.resolve("webapps");
    }
}
