package dev.ticker.it;

import dev.ticker.it.standalone.Cluster;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ticker.it.SharedStream.assertSameStream;
import static dev.ticker.it.SharedStream.assertStrictlyIncreasing;
import static dev.ticker.it.SharedStream.awaitQuoteAbove;
import static dev.ticker.it.SharedStream.quotes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cluster of {@code deploy/cluster}, started by the test on 127.0.0.1: Redis, two standalone nodes and nginx
 * balancing between them. Clients on both nodes get one and the same stream; when the generating node dies, the other
 * takes over within the stated bound and its clients notice nothing but a pause; when Redis restarts empty, both
 * nodes recover and their clients get a gap snapshot, then the stream again. Runs in its own failsafe execution.
 */
@Tag("recipe")
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    /** The failover bound stated in docs/scaling.md: lease ttl 3 s + one lease round 1 s + a tick, with slack. */
    static final Duration TAKEOVER_BOUND = Duration.ofSeconds(6);
    /**
     * After SIGTERM the leader releases the lease as its shutdown begins; the other node takes it at its next lease
     * round (1 s). Measured from the signal to the survivor holding the lease; slack for the JVM's reaction to it.
     */
    static final Duration HANDOVER_BOUND = Duration.ofMillis(3_000);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofMillis(300);

    private Cluster cluster;
    private List<String> symbols;

    @BeforeAll
    void startCluster() throws IOException, InterruptedException {
        cluster = Cluster.start(Path.of(System.getProperty("ticker.it.clusterDir", "target/cluster-it")),
                System.getProperty("ticker.it.standaloneJar"),
                Path.of(System.getProperty("ticker.it.clusterRecipe", "deploy/cluster")),
                Path.of(System.getProperty("ticker.it.nginxRecipe", "deploy/nginx")),
                Integer.getInteger("ticker.it.clusterPort", 8780));
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void everythingRunsAndOneNodeLeads() throws IOException, InterruptedException {
        cluster.heal();
        awaitLeader();
        try (PushClient client = PushClient.connect(cluster.front())) {
            symbols = QuoteJson.symbols(client.expect("welcome", WAIT).getJsonArray("symbols"));
        }
    }

    @Test
    void clientsOnEveryNodeAndBehindNginxGetTheSameQuotesInTheSameSeqOrder() throws InterruptedException {
        try (PushClient first = subscribed(cluster.node(0));
             PushClient second = subscribed(cluster.node(1));
             PushClient proxied = subscribed(cluster.front())) {
            // All three collect at once: each client queues what arrives, and the test reads the queues afterwards.
            Thread.sleep(WINDOW.toMillis());
            List<JsonObject> a = quotes(first.collectFor(DRAIN));
            List<JsonObject> b = quotes(second.collectFor(DRAIN));
            List<JsonObject> c = quotes(proxied.collectFor(DRAIN));

            assertSameStream(a, b);
            assertSameStream(a, c);
        }
    }

    @Test
    void whenTheLeaderDiesTheOtherNodeTakesOverWithinTheBoundAndItsClientsKeepReceiving() throws Exception {
        int leader = awaitLeader();
        int survivor = 1 - leader;
        try (PushClient client = subscribed(cluster.node(survivor))) {
            List<JsonObject> before = quotes(client.collectFor(Duration.ofSeconds(1)));
            assertFalse(before.isEmpty(), "quotes flow before the leader dies");

            long killedAt = System.nanoTime();
            cluster.killNode(leader);
            long lastOfTheDead = redisSeq();
            List<JsonObject> after = new ArrayList<>();
            JsonObject fromNewLeader = awaitQuoteAbove(client, lastOfTheDead, TAKEOVER_BOUND.plus(WAIT), after);
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("ClusterIT: takeover after the leader was killed: " + takeover.toMillis() + " ms");

            assertTrue(takeover.compareTo(TAKEOVER_BOUND) <= 0, "takeover took " + takeover.toMillis() + " ms");
            assertEquals(survivor, cluster.leader(), "the survivor leads");
            List<JsonObject> all = new ArrayList<>(before);
            all.addAll(after);
            all.add(fromNewLeader);
            all.addAll(quotes(client.collectFor(Duration.ofSeconds(1))));
            assertStrictlyIncreasing(all);
            assertEquals(200, new ApiClient(cluster.front()).get("api/quotes").statusCode(), "nginx skips the dead node");
        }
    }

    @Test
    void leaderStoppedCleanlyHandsOverWithoutWaitingForTheLeaseToExpire() throws Exception {
        int leader = awaitLeader();
        int survivor = 1 - leader;
        try (PushClient client = subscribed(cluster.node(survivor))) {
            List<JsonObject> received = new ArrayList<>(quotes(client.collectFor(Duration.ofMillis(500))));

            long stoppedAt = System.nanoTime();
            CompletableFuture<Integer> exit = cluster.stopNodeInBackground(leader);
            while (cluster.leader() != survivor) {
                assertTrue(System.nanoTime() - stoppedAt < WAIT.toNanos(), "the survivor took the lead within " + WAIT);
                Thread.sleep(20);
            }
            Duration handover = Duration.ofNanos(System.nanoTime() - stoppedAt);
            // The old leader stopped its feed before it released the lease: everything above this is the survivor's.
            long lastOfTheStopped = cluster.lastPublishedSeq();
            System.out.println("ClusterIT: handover after SIGTERM to the leader: " + handover.toMillis() + " ms");

            assertTrue(handover.compareTo(HANDOVER_BOUND) <= 0, "handover took " + handover.toMillis() + " ms");
            received.add(awaitQuoteAbove(client, lastOfTheStopped, WAIT, received));
            assertStrictlyIncreasing(received);
            assertEquals(0, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), "exit code on SIGTERM");
        }
    }

    @Test
    void afterRedisRestartsEmptyBothNodesRecoverAndTheirClientsGetAGapSnapshot() throws Exception {
        try (PushClient first = subscribed(cluster.node(0));
             PushClient second = subscribed(cluster.node(1))) {
            first.collectFor(Duration.ofMillis(500));
            second.collectFor(Duration.ofMillis(500));

            cluster.killRedis();
            Thread.sleep(1_000);
            cluster.startRedis();

            for (PushClient client : List.of(first, second)) {
                JsonObject gap = awaitGapSnapshot(client);
                assertEquals(symbols.size(), gap.getJsonArray("quotes").size(), "the gap snapshot holds every symbol");
            }
            Thread.sleep(WINDOW.toMillis());
            assertSameStream(quotes(first.collectFor(DRAIN)), quotes(second.collectFor(DRAIN)));
        }
    }

    @Test
    void aPollCursorFromOneNodeIsGoodOnTheOther() throws InterruptedException {
        JsonObject fromFirst = new ApiClient(cluster.node(0)).getJson("api/quotes");
        long cursor = fromFirst.getJsonNumber("seq").longValueExact();
        Thread.sleep(1_000);

        JsonObject fromSecond = new ApiClient(cluster.node(1)).getJson("api/quotes?since=" + cursor);

        assertFalse(fromSecond.getBoolean("gap", false), "the second node knows the first's cursor: " + fromSecond);
        assertFalse(fromSecond.getJsonArray("quotes").isEmpty(), "quotes moved within a second");
        fromSecond.getJsonArray("quotes").getValuesAs(JsonObject.class)
                .forEach(quote -> assertTrue(QuoteJson.seq(quote) > cursor, "only quotes after the cursor"));
    }

    private PushClient subscribed(java.net.URL base) {
        PushClient client = PushClient.connectWelcomed(base, WAIT);
        client.subscribe(symbols.toArray(String[]::new));
        client.await("snapshot", WAIT);
        return client;
    }

    private int awaitLeader() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int leader = cluster.leader();
            if (leader >= 0) {
                return leader;
            }
            Thread.sleep(100);
        }
        return fail("no node took the lead within " + WAIT);
    }

    private long redisSeq() throws IOException {
        return cluster.lastPublishedSeq();
    }

    private static JsonObject awaitGapSnapshot(PushClient client) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                return fail("no gap snapshot within " + WAIT + " of Redis's restart");
            }
            JsonObject message = client.next(left);
            if (message.getString("type").equals("snapshot")) {
                assertTrue(message.getBoolean("gap", false), () -> "a snapshot after a loss is marked as a gap: " + message);
                return message;
            }
        }
    }
}
