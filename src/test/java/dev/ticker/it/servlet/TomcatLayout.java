package dev.ticker.it.servlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tomcat 11 as a separate instance (CATALINA_BASE) of the unpacked distribution (CATALINA_HOME): Tomcat's own
 * {@code conf/} files, with {@code server.xml} replaced by deploy/tomcat/server.xml, and empty {@code webapps/},
 * {@code logs/}, {@code temp/} and {@code work/}. The ports are system properties that file reads, given here in
 * {@code CATALINA_OPTS}.
 */
final class TomcatLayout implements ServerLayout {

    private final ServletContainerConfiguration configuration;
    private final Path home;
    private final Path base;

    TomcatLayout(ServletContainerConfiguration configuration) {
        this.configuration = configuration;
        this.home = Path.of(configuration.getHome()).toAbsolutePath();
        this.base = Path.of(configuration.getBase()).toAbsolutePath();
    }

    @Override
    public void prepare() throws IOException {
        Folders.recreate(base);
        Path conf = Files.createDirectories(base.resolve("conf"));
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        Files.copy(Path.of(configuration.getRecipe(), "server.xml"), conf.resolve("server.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        for (String folder : List.of("webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(folder));
        }
    }

    @Override
    public List<String> command() {
        // Through bash: the unpacked scripts may have lost their executable bit.
        return List.of("bash", home.resolve("bin/catalina.sh").toString(), "run");
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(),
                "JAVA_HOME", System.getProperty("java.home"),
                "CATALINA_OPTS", "-Dticker.http.port=" + configuration.getHttpPort()
                        + " -Dticker.shutdown.port=" + configuration.getShutdownPort());
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
