package dev.ticker.it.standalone;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemd service of {@code deploy/standalone}, as far as a machine without systemd as PID 1 can check it:
 * {@code systemd-analyze verify} accepts the unit, and the built jar, started with the unit's exact command line and
 * environment (systemd's {@code PATH} plus {@code ticker.env}), serves and stops with exit code 0 on SIGTERM within
 * the unit's {@code TimeoutStopSec}. Not covered: the user switch, the hardening options and restarts, which only
 * systemd itself applies.
 */
@Tag("recipe")
@Tag("standalone")
class SystemdServiceIT {

    private static final Path RECIPE = Path.of(System.getProperty("ticker.it.standaloneService", "deploy/standalone"));
    private static final Path UNIT = RECIPE.resolve("ticker.service");
    private static final String BUILT_JAR = System.getProperty("ticker.it.standaloneJar");
    /** Where deploy/README.md installs the jar and the environment file; the unit must name exactly these. */
    private static final String INSTALLED_JAR = "/opt/ticker/ticker-standalone.jar";
    private static final String INSTALLED_ENVIRONMENT = "/etc/ticker/ticker.env";
    /** The PATH systemd 252 gives system services; nothing else of the build's environment reaches the ticker. */
    private static final String SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String SYSTEMD_ANALYZE = "/usr/bin/systemd-analyze";
    private static final long DEFAULT_INTERVAL_MS = 250;
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final Pattern HELP_OPTION = Pattern.compile("^\\s+--([a-z][a-z-]*)\\s");
    private static final Pattern ENV_LINE = Pattern.compile("^#?(TICKER_[A-Z_]*)=");

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnit() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of(SYSTEMD_ANALYZE)),
                SYSTEMD_ANALYZE + " is missing: apt-get install systemd (.ci/run does)");
        Finished verify = run(List.of(SYSTEMD_ANALYZE, "verify", UNIT.toAbsolutePath().toString()), REPLY);

        assertEquals(0, verify.exitCode(), () -> "systemd-analyze verify failed:\n" + verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze verify found something to complain about");
    }

    @Test
    void jarStartedAsTheUnitStartsItServesAndExitsZeroOnSigterm() throws IOException, InterruptedException {
        Map<String, String> service = SystemdFiles.unitSection(UNIT, "Service");
        assertEquals(INSTALLED_ENVIRONMENT, service.get("EnvironmentFile"));
        Map<String, String> environment = new HashMap<>(SystemdFiles.environmentFile(RECIPE.resolve("ticker.env")));
        long intervalMs = Long.parseLong(environment.getOrDefault("TICKER_INTERVAL_MS", "-1"));
        assertNotEquals(DEFAULT_INTERVAL_MS, intervalMs,
                "ticker.env must set a TICKER_INTERVAL_MS other than the default, or this test cannot tell it arrived");
        environment.put("PATH", SYSTEMD_PATH);
        // The one deviation from the unit: port 8080 may be taken on a build machine.
        environment.put("TICKER_PORT", "0");

        TickerProcess ticker = TickerProcess.launch(installedCommand(service.get("ExecStart")), environment);
        ticker.awaitReady(STARTUP);
        int exitCode;
        try {
            URI base = ticker.url();
            HttpResponse<String> symbols = http(base.resolve("api/symbols"));
            assertEquals(200, symbols.statusCode(), symbols::body);
            assertEquals(intervalMs, welcome(base).getJsonNumber("intervalMs").longValueExact(),
                    "the tick interval from ticker.env");
        } finally {
            // Throws if the ticker takes longer than systemd would wait before it kills.
            exitCode = ticker.process().stop(timeoutStop(service));
        }
        assertEquals(0, exitCode, () -> "exit code on SIGTERM; last output:\n" + ticker.process().tail());
    }

    @Test
    void environmentFileNamesOnlySettingsTheTickerReads() throws IOException, InterruptedException {
        Finished help = run(List.of(javaBinary(), "-jar", BUILT_JAR, "--help"), STARTUP);
        assertEquals(0, help.exitCode(), help::output);
        Set<String> known = help.output().lines().map(HELP_OPTION::matcher).filter(Matcher::find)
                .map(option -> "TICKER_" + option.group(1).toUpperCase(Locale.ROOT).replace('-', '_'))
                .collect(Collectors.toSet());
        assertTrue(known.contains("TICKER_PORT"), () -> "no settings found in --help:\n" + help.output());

        List<String> named = Files.readAllLines(RECIPE.resolve("ticker.env"), StandardCharsets.UTF_8).stream()
                .map(ENV_LINE::matcher).filter(Matcher::find).map(line -> line.group(1)).toList();
        assertTrue(named.size() >= 3, () -> "ticker.env names too few settings: " + named);
        // A misspelt name would be ignored without a word, leaving the default in force.
        List<String> unknown = new ArrayList<>(named);
        unknown.removeAll(known);
        assertEquals(List.of(), unknown, () -> "not settings of the ticker (those are " + known + ")");
    }

    /** The unit's command line, with the installed jar's path pointing at the built jar. */
    private static List<String> installedCommand(String execStart) {
        List<String> command = new ArrayList<>(SystemdFiles.commandLine(execStart));
        assertEquals(1, command.stream().filter(INSTALLED_JAR::equals).count(),
                () -> "ExecStart must run " + INSTALLED_JAR + ": " + execStart);
        command.replaceAll(argument -> argument.equals(INSTALLED_JAR) ? BUILT_JAR : argument);
        return command;
    }

    private static Duration timeoutStop(Map<String, String> service) {
        String value = service.getOrDefault("TimeoutStopSec", "");
        assertTrue(value.matches("\\d+s?"), () -> "TimeoutStopSec should be whole seconds: '" + value + "'");
        return Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
    }

    private static HttpResponse<String> http(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REPLY).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(REPLY).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first message on ws/quotes, which must be the welcome. */
    private static JsonObject welcome(URI base) throws InterruptedException {
        URI ws = URI.create(base.resolve("ws/quotes").toString().replaceFirst("^http", "ws"));
        FirstText listener = new FirstText();
        WebSocket socket = await(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(REPLY)
                .buildAsync(ws, listener), "connection to " + ws);
        try (JsonReader reader = Json.createReader(new StringReader(await(listener.text, "message from " + ws)))) {
            JsonObject welcome = reader.readObject();
            assertEquals("welcome", welcome.getString("type", null), welcome::toString);
            return welcome;
        } finally {
            socket.abort();
        }
    }

    /** Completes {@link #text} with the first text message. */
    private static final class FirstText implements WebSocket.Listener {

        final CompletableFuture<String> text = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                text.complete(parts.toString());
            }
            webSocket.request(1);
            return null;
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(REPLY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no " + what + " within " + REPLY, e);
        }
    }

    private record Finished(int exitCode, String output) {
    }

    /** Runs {@code command} to its end, at most {@code timeout}; stdout and stderr together. */
    private static Finished run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ticker-it-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Finished(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
