package dev.ticker.it;

import dev.ticker.it.standalone.Cluster;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static dev.ticker.it.SharedStream.assertSameStream;
import static dev.ticker.it.SharedStream.assertStrictlyIncreasing;
import static dev.ticker.it.SharedStream.awaitQuoteAbove;
import static dev.ticker.it.SharedStream.quotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The WAR mode of a cluster, proven on WildFly: {@code ticker-redis.war} deployed on the suite's WildFly with the
 * Redis bus set the way {@code deploy/cluster/wildfly-node.cli} tells an operator to (a server system property, then
 * {@code deploy}, through the management CLI), beside one standalone node, both on one Redis started by the test.
 * Clients of both nodes get one stream; exactly one node generates; the lead passes from the standalone node to
 * WildFly when the former dies, and back when the WAR is undeployed, which leaves no thread of the bus behind.
 *
 * <p>The WAR has its own context root, {@code /ticker-redis/}; the property is set before the first deploy and
 * removed after the last undeploy of this class, while no other deployment is on the server, so the suite's lean
 * {@code ticker.war} never sees it. The standalone node starts first, so it leads at the start. The tests do not
 * depend on one another: each first brings about the leader it needs; the order only spares redeploys.
 */
@ArquillianTest
@Tag("recipe")
@Tag("wildfly")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyClusterNodeIT {

    private static final String WAR = "ticker-redis.war";
    /** The bounds docs/scaling.md states, as the standalone cluster test asserts them. */
    private static final Duration TAKEOVER_BOUND = ClusterIT.TAKEOVER_BOUND;
    private static final Duration HANDOVER_BOUND = ClusterIT.HANDOVER_BOUND;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofMillis(300);
    private static final Duration THREADS_END = Duration.ofSeconds(20);
    /** The bus's threads in the server: its own and Lettuce's (Netty event loops, timer), by their dump headers. */
    private static final Pattern BUS_THREAD = Pattern.compile("^\"(ticker-bus|ticker-lease|lettuce-[^\"]*)\"");

    private WildFlyCli cli;
    private ProcessHandle wildfly;
    private URL wildflyNode;
    private Path recipe;
    private String bus;
    private Cluster parts;
    private boolean propertySet;
    private boolean deployed;
    private List<String> symbols;

    /** Never deployed: only here because an Arquillian test class declares its deployments. */
    @Deployment(name = "unused", managed = false, testable = false)
    public static WebArchive unused() {
        return TickerWar.built();
    }

    @BeforeAll
    void startRedisAndTheStandaloneNodeThenDeployTheWar() throws IOException, InterruptedException {
        cli = WildFlyCli.ofTarget();
        wildfly = TargetProcess.server(TargetProcess.marker());
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        wildflyNode = URI.create("http://127.0.0.1:" + (8080 + offset) + "/ticker-redis/").toURL();
        recipe = Path.of(System.getProperty("ticker.it.clusterRecipe", "deploy/cluster")).toAbsolutePath();
        int redisPort = Integer.getInteger("ticker.it.warCluster.redisPort", 6579);
        bus = "redis://127.0.0.1:" + redisPort;
        Path dir = Path.of(System.getProperty("ticker.it.warCluster.dir", "target/war-cluster-it"));
        parts = Cluster.startWithoutFront(dir, System.getProperty("ticker.it.standaloneJar"), recipe, redisPort,
                List.of(Integer.getInteger("ticker.it.warCluster.nodePort", 8783)));
        deployWar();
    }

    @AfterAll
    void undeployAndStopEverything() throws IOException, InterruptedException {
        try {
            List<String> commands = new ArrayList<>();
            if (deployed) {
                commands.add("undeploy " + WAR);
            }
            if (propertySet) {
                commands.add("/system-property=ticker.bus:remove");
            }
            if (cli != null && !commands.isEmpty()) {
                cli.run(List.of(), commands.toArray(String[]::new));
            }
        } finally {
            if (parts != null) {
                parts.close();
            }
        }
    }

    @BeforeEach
    void bothNodesRunAndOneLeads() throws IOException, InterruptedException {
        parts.heal();
        if (!deployed) {
            deployWar();
        }
        awaitLeader();
        try (PushClient client = PushClient.connect(wildflyNode)) {
            JsonObject welcome = client.expect("welcome", WAIT);
            // The suite gives WildFly a small symbol limit (pom); the standalone node has the default.
            int limit = welcome.getJsonObject("limits").getInt("maxSymbolsPerSession");
            List<String> universe = QuoteJson.symbols(welcome.getJsonArray("symbols"));
            symbols = universe.subList(0, Math.min(limit, universe.size()));
        }
    }

    @Test
    @Order(1)
    void clientsOnTheWildFlyNodeAndOnTheStandaloneNodeGetTheSameQuotesInTheSameSeqOrder() throws InterruptedException {
        try (PushClient onWildFly = subscribed(wildflyNode);
             PushClient onStandalone = subscribed(parts.node(0))) {
            Thread.sleep(WINDOW.toMillis());
            assertSameStream(quotes(onWildFly.collectFor(DRAIN)), quotes(onStandalone.collectFor(DRAIN)));
        }
    }

    @Test
    @Order(2)
    void exactlyOneNodeHoldsTheLeaseWhileTheSharedSeqAdvances() throws IOException, InterruptedException {
        long first = awaitLeader();
        long seqBefore = parts.lastPublishedSeq();
        long deadline = System.nanoTime() + WINDOW.toNanos();
        while (System.nanoTime() < deadline) {
            assertEquals(first, parts.leaderPid(), "the lease stays with one node while both run");
            Thread.sleep(100);
        }
        assertTrue(parts.lastPublishedSeq() > seqBefore, "the leader publishes to Redis");
    }

    @Test
    @Order(3)
    void aLongPollOnTheWildFlyNodeIsAnsweredWithTheNextQuotesOfTheSharedStream() {
        // Answered when a batch from Redis arrives: on the bus's thread, which hands the answer to the server's
        // managed executor.
        ApiClient api = new ApiClient(wildflyNode);
        long cursor = api.getJson("api/quotes").getJsonNumber("seq").longValueExact();
        HttpResponse<String> response = api.get("api/quotes/next?since=" + cursor + "&timeout=5");

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = ApiClient.json(response);
        assertFalse(body.getBoolean("gap", false), body::toString);
        List<JsonObject> next = body.getJsonArray("quotes").getValuesAs(JsonObject.class);
        assertFalse(next.isEmpty(), body::toString);
        next.forEach(quote -> assertTrue(QuoteJson.seq(quote) > cursor, () -> "newer than " + cursor + ": " + quote));
    }

    @Test
    @Order(4)
    void whenTheStandaloneLeaderIsKilledTheWildFlyNodeTakesOverWithinTheBoundAndItsClientsKeepReceiving()
            throws Exception {
        standaloneLeads();
        try (PushClient client = subscribed(wildflyNode)) {
            List<JsonObject> before = quotes(client.collectFor(Duration.ofSeconds(1)));
            assertFalse(before.isEmpty(), "quotes flow before the leader dies");

            long killedAt = System.nanoTime();
            parts.killNode(0);
            long lastOfTheDead = parts.lastPublishedSeq();
            List<JsonObject> after = new ArrayList<>();
            JsonObject fromWildFly = awaitQuoteAbove(client, lastOfTheDead, TAKEOVER_BOUND.plus(WAIT), after);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("WildFlyClusterNodeIT: takeover by WildFly after the standalone leader was killed: "
                    + takeover.toMillis() + " ms");

            assertTrue(takeover.compareTo(TAKEOVER_BOUND) <= 0, "takeover took " + takeover.toMillis() + " ms");
            assertEquals(wildfly.pid(), parts.leaderPid(), "WildFly leads");
            List<JsonObject> later = quotes(client.collectFor(Duration.ofSeconds(1)));
            assertFalse(later.isEmpty(), "WildFly's clients keep receiving");
            List<JsonObject> all = new ArrayList<>(before);
            all.addAll(after);
            all.add(fromWildFly);
            all.addAll(later);
            assertStrictlyIncreasing(all);
        }
    }

    @Test
    @Order(5)
    void undeployingTheLeadingWarHandsTheLeadToTheStandaloneNodeAtOnceAndLeavesNoBusThread() throws Exception {
        wildflyLeads();
        assertTrue(busThreads() > 0, "the bus runs threads in WildFly while deployed");
        try (PushClient client = subscribed(parts.node(0))) {
            List<JsonObject> received = new ArrayList<>(quotes(client.collectFor(Duration.ofMillis(500))));

            undeployWar();
            Duration afterUndeploy = awaitLeaderPid(parts.pid(0));
            long lastOfWildFly = parts.lastPublishedSeq();
            received.add(awaitQuoteAbove(client, lastOfWildFly, WAIT, received));
            System.out.println("WildFlyClusterNodeIT: the standalone node led " + afterUndeploy.toMillis()
                    + " ms after the undeploy command returned; longest silence at its client around the handover: "
                    + longestSilence(received).toMillis() + " ms");

            // The WAR releases the lease as it stops: the standalone node must not have had to wait for it to expire.
            assertTrue(longestSilence(received).compareTo(HANDOVER_BOUND) <= 0,
                    "clients of the standalone node waited " + longestSilence(received).toMillis() + " ms");
            assertStrictlyIncreasing(received);
        }
        assertEquals(0, busThreadsLeft(), "threads of the bus in WildFly " + THREADS_END.toSeconds()
                + " s after the undeploy");
    }

    private void deployWar() throws IOException, InterruptedException {
        if (!propertySet) {
            cli.run(List.of("--resolve-parameter-values", "-Dbus=" + bus),
                    "run-batch --file=" + recipe.resolve("wildfly-node.cli"));
            propertySet = true;
        }
        cli.run(List.of(), "deploy " + Path.of(System.getProperty("ticker.it.redisWar")).toAbsolutePath());
        deployed = true;
    }

    private void undeployWar() throws IOException, InterruptedException {
        cli.run(List.of(), "undeploy " + WAR);
        deployed = false;
    }

    /** Makes the standalone node the leader: undeploying the WAR hands the lead over, redeploying makes it follow. */
    private void standaloneLeads() throws IOException, InterruptedException {
        if (awaitLeader() != parts.pid(0)) {
            undeployWar();
            awaitLeaderPid(parts.pid(0));
            deployWar();
        }
    }

    /** Makes WildFly the leader: the standalone node, stopped, hands the lead over, and follows once restarted. */
    private void wildflyLeads() throws Exception {
        if (awaitLeader() != wildfly.pid()) {
            assertEquals(0, parts.stopNodeInBackground(0).get(WAIT.toSeconds(), TimeUnit.SECONDS).intValue());
            awaitLeaderPid(wildfly.pid());
            parts.startNode(0);
        }
    }

    /** The pid of the leading node, once one of the two leads. */
    private long awaitLeader() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long leader = parts.leaderPid();
            if (leader == wildfly.pid() || (parts.isRunning(0) && leader == parts.pid(0))) {
                return leader;
            }
            Thread.sleep(100);
        }
        return fail("neither node took the lead within " + WAIT);
    }

    /** Waits until the node of process {@code pid} holds the lease; returns how long that took. */
    private Duration awaitLeaderPid(long pid) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (parts.leaderPid() != pid) {
            assertTrue(System.nanoTime() - start < WAIT.toNanos(), "pid " + pid + " took the lead within " + WAIT);
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private PushClient subscribed(URL base) {
        PushClient client = PushClient.connectWelcomed(base, WAIT);
        client.subscribe(symbols.toArray(String[]::new));
        client.await("snapshot", WAIT);
        return client;
    }

    /** The bus's threads still in WildFly once they have had {@link #THREADS_END} to end. */
    private long busThreadsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + THREADS_END.toNanos();
        long left;
        while ((left = busThreads()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return left;
    }

    private long busThreads() {
        return TargetProcess.threadDump(wildfly).lines().filter(line -> BUS_THREAD.matcher(line).find()).count();
    }

    /** The longest time between two consecutive quotes, by their {@code ts} (the tick each was generated for). */
    private static Duration longestSilence(List<JsonObject> quotes) {
        long longest = 0;
        for (int i = 1; i < quotes.size(); i++) {
            longest = Math.max(longest, ts(quotes.get(i)) - ts(quotes.get(i - 1)));
        }
        return Duration.ofMillis(longest);
    }

    private static long ts(JsonObject quote) {
        return quote.getJsonNumber("ts").longValueExact();
    }
}
