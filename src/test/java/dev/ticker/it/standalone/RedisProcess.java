package dev.ticker.it.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's redis-server as a child process of the test JVM, configured with {@code deploy/cluster/redis.conf}
 * (included unchanged) plus what a test run needs of its own: its folder under target/, foreground, and a process
 * title that names its configuration file, so that the orphan reaper and {@link PidFile} can tell it from others.
 */
final class RedisProcess {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final int SOCKET_TIMEOUT_MS = 2_000;

    private final ChildProcess child;
    private final int port;

    private RedisProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    /** Writes {@code dir/redis.conf} including {@code recipe}, listening on {@code port}, and returns its path. */
    static Path writeConf(Path dir, Path recipe, int port) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("redis.conf");
        Files.writeString(conf, String.join("\n",
                "# Generated for a test run: deploy/cluster/redis.conf unchanged, then the test's own port and folder.",
                "include " + recipe.toAbsolutePath(),
                "port " + port,
                "dir " + dir.toAbsolutePath(),
                "daemonize no",
                "logfile \"\"",
                "proc-title-template \"{title} {listen-addr} {config-file}\"",
                ""), StandardCharsets.UTF_8);
        return conf;
    }

    /** Starts redis-server with {@code conf} and waits, at most {@code timeout}, until it answers PING. */
    static RedisProcess start(String binary, Path conf, int port, Duration timeout) throws IOException, InterruptedException {
        ChildProcess child = ChildProcess.start("redis", List.of(binary, conf.toString()), null, line -> { });
        RedisProcess redis = new RedisProcess(child, port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!redis.answersPing()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.kill();
                throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                        + timeout + ". Last output:\n" + child.tail());
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        return redis;
    }

    ChildProcess process() {
        return child;
    }

    /** One command in Redis's inline protocol; the first line of the reply (e.g. "+PONG", "$-1", "$12"). */
    String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readReply(socket.getInputStream());
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A status, error or integer reply as its line; a bulk string as its value ("" for nil). */
    private static String readReply(InputStream in) throws IOException {
        String first = readLine(in);
        if (first.startsWith("$")) {
            int length = Integer.parseInt(first.substring(1));
            return length < 0 ? "" : readLine(in);
        }
        return first;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
