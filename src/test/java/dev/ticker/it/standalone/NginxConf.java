package dev.ticker.it.standalone;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small top-level {@code nginx.conf} the tests run Debian's nginx with, in a folder under target/. It holds
 * only what a test run needs of its own: nginx as the current user, its pid file, logs and temp files in that
 * folder, the listen address and the upstream's address. The ticker's part is {@code deploy/nginx}, linked into
 * the folder as {@code ticker/} (where an operator copies it to {@code /etc/nginx/ticker/}) and included unchanged.
 */
final class NginxConf {

    /** The recipe's place relative to the configuration folder, as the recipe's own includes expect it. */
    static final String RECIPE_LINK = "ticker";
    private static final List<String> TEMP_PATHS = List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi");
    /** Characters that would need escaping in nginx's syntax; paths under target/ never have them. */
    private static final Pattern UNSAFE = Pattern.compile("[\\s\"'$;{}\\\\#]");

    private final Path dir;
    private final Path recipe;

    NginxConf(Path dir, Path recipe) {
        this.dir = dir.toAbsolutePath();
        this.recipe = recipe.toAbsolutePath();
        if (UNSAFE.matcher(this.dir.toString()).find()) {
            throw new IllegalArgumentException("nginx's working folder " + this.dir
                    + " has characters the generated configuration would have to escape");
        }
    }

    /** The generated configuration. Its path is in nginx's command line, which tells our nginx from others. */
    Path file() {
        return dir.resolve("nginx.conf");
    }

    /** The file nginx keeps its master's pid in while it runs. */
    Path pidFile() {
        return dir.resolve("nginx.pid");
    }

    /** Creates the folder, its temp folders and the link to the recipe. */
    void prepare() throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        Path link = dir.resolve(RECIPE_LINK);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, recipe);
    }

    /**
     * Writes the configuration of the nginx target: the ticker at {@code upstream} behind nginx on
     * {@code 127.0.0.1:port}, the way {@code deploy/nginx/ticker-site.conf} puts it behind port 80.
     */
    Path writeProxy(int port, URI upstream) throws IOException {
        return write(String.join("\n",
                "include " + RECIPE_LINK + "/connection-upgrade.conf;",
                "",
                "upstream ticker {",
                "    server " + upstream.getHost() + ":" + upstream.getPort() + ";",
                "}",
                "",
                "server {",
                "    listen 127.0.0.1:" + port + ";",
                "    include " + RECIPE_LINK + "/ticker-root.conf;",
                "}"));
    }

    /** Writes the configuration with {@code http} as the body of its {@code http {}} block. */
    Path write(String http) throws IOException {
        StringBuilder conf = new StringBuilder()
                .append("# Generated for a test run by ").append(NginxConf.class.getName()).append(".\n")
                .append("# The ticker's part is deploy/nginx, linked here as ").append(RECIPE_LINK)
                .append("/ and included unchanged.\n");
        if ("root".equals(System.getProperty("user.name"))) {
            // A master running as root would switch its workers to "nobody"; the tests' nginx is the current user.
            conf.append("user root;\n");
        }
        conf.append("worker_processes 1;\n")
                .append("pid ").append(pidFile()).append(";\n")
                // stderr: the test output shows nginx's messages beside the ticker's (ChildProcess echoes them).
                .append("error_log stderr notice;\n")
                // Each proxied request holds two connections (client and upstream): LongPollCapacityIT's 500 waiting
                // polls need more than the 1024 nginx allows a worker by default (Debian's nginx.conf: 768).
                .append("events {\n    worker_connections 4096;\n}\n")
                .append("http {\n")
                .append("    access_log ").append(dir.resolve("access.log")).append(";\n");
        for (String temp : TEMP_PATHS) {
            conf.append("    ").append(temp).append("_temp_path ").append(dir.resolve("temp").resolve(temp)).append(";\n");
        }
        conf.append('\n');
        http.lines().forEach(line -> conf.append(line.isEmpty() ? "" : "    ").append(line).append('\n'));
        conf.append("}\n");
        Files.writeString(file(), conf, StandardCharsets.UTF_8);
        return file();
    }
}
