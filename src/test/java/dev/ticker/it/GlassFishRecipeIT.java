package dev.ticker.it;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GlassFish recipe of deploy/README.md, run as an operator would: {@code deploy/glassfish/deploy.sh} deploys the
 * built WAR with its settings as domain system properties, {@code undeploy.sh} removes both. Runs on the GlassFish
 * targets only (tag), against the domain Arquillian started; it deploys nothing through Arquillian itself.
 */
@ArquillianTest
@Tag("recipe")
@Tag("glassfish")
class GlassFishRecipeIT {

    private static final Path SCRIPTS = Path.of("deploy/glassfish");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final long RECIPE_INTERVAL_MS = 300;

    /** Never deployed: only here because an Arquillian test class declares its deployments. */
    @Deployment(name = "unused", managed = false, testable = false)
    public static WebArchive unused() {
        return TickerWar.built();
    }

    @Test
    void deployScriptServesTheWarAtTickerWithItsSettingsAndUndeployScriptRemovesBoth() throws Exception {
        URL ticker = new URL(System.getProperty("ticker.it.serverUrl") + "ticker/");
        run("deploy.sh", System.getProperty("ticker.it.war"));
        try {
            try (PushClient client = PushClient.connect(ticker)) {
                JsonObject welcome = client.expect("welcome", Duration.ofSeconds(10));
                // The domain's environment says 200 (ConfigurationIT); the recipe's system property must win.
                assertEquals(RECIPE_INTERVAL_MS, welcome.getJsonNumber("intervalMs").longValue());
                client.subscribe("ACME");
                client.expect("snapshot", Duration.ofSeconds(10));
            }
        } finally {
            run("undeploy.sh");
        }
        assertEquals(404, new ApiClient(ticker).get("api/symbols").statusCode(), "undeployed: /ticker/ is gone");
        assertFalse(asadmin("list-system-properties").contains("ticker."), "undeploy.sh removed the properties");
    }

    private static String run(String script, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = SCRIPTS.resolve(script).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        return exec(command);
    }

    private static String asadmin(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = asadminPath();
        System.arraycopy(args, 0, command, 1, args.length);
        return exec(command);
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("glassfish-recipe", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ASADMIN", asadminPath());
        env.put("TICKER_INTERVAL_MS", Long.toString(RECIPE_INTERVAL_MS));
        Process process = builder.start();
        boolean finished = process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(finished, String.join(" ", command) + " did not finish:\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static String asadminPath() {
        return System.getProperty("ticker.it.serverHome") + "/bin/asadmin";
    }
}
