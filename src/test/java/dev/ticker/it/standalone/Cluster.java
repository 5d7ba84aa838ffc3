package dev.ticker.it.standalone;

import dev.ticker.config.Setting;
import dev.ticker.it.arquillian.OrphanReaper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The cluster of {@code deploy/cluster} on this machine, for the cluster test: Debian's redis-server with
 * {@code redis.conf}, one standalone node per server line of {@code ticker-cluster-upstream.conf}, each started with
 * {@code node.env} and its port, and Debian's nginx in front with the upstream file and {@code deploy/nginx}, all
 * included unchanged. Processes are children of the test JVM; pid files and the orphan reaper clean up after a
 * killed run. Nodes and Redis can be killed and started again, as the tests need.
 */
public final class Cluster implements AutoCloseable {

    private static final Pattern UPSTREAM_SERVER = Pattern.compile("^\\s*server\\s+127\\.0\\.0\\.1:(\\d+)", Pattern.MULTILINE);
    private static final Pattern REDIS_PORT = Pattern.compile("^port\\s+(\\d+)", Pattern.MULTILINE);
    /** The lease's value is the leader's node id, {@code pid@host/suffix}. */
    private static final Pattern LEADER_PID = Pattern.compile("^(\\d+)@");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(20);

    private final Path dir;
    private final String jar;
    private final Path recipe;
    private final List<Integer> ports;
    private final int redisPort;
    private final int frontPort;
    /** The bus address the nodes get instead of node.env's, when Redis runs on another port than redis.conf's. */
    private final String busOverride;
    private final Path redisConf;
    private final TickerProcess[] nodes;
    private RedisProcess redis;
    private NginxProcess front;

    private Cluster(Path dir, String jar, Path recipe, List<Integer> ports, int redisPort, int frontPort)
            throws IOException {
        this.dir = dir.toAbsolutePath();
        this.jar = jar;
        this.recipe = recipe.toAbsolutePath();
        this.frontPort = frontPort;
        this.ports = ports;
        this.redisPort = redisPort;
        this.busOverride = redisPort == find(REDIS_PORT, recipe.resolve("redis.conf")).get(0)
                ? null : "redis://127.0.0.1:" + redisPort;
        this.redisConf = RedisProcess.writeConf(this.dir, recipe.resolve("redis.conf"), redisPort);
        this.nodes = new TickerProcess[ports.size()];
    }

    /**
     * Starts Redis, every node and nginx on {@code frontPort}, each once the previous one is ready.
     *
     * @param dir         the cluster's folder under target/ (configuration, pid files, nginx's logs)
     * @param clusterRecipe {@code deploy/cluster}
     * @param nginxRecipe {@code deploy/nginx}
     */
    public static Cluster start(Path dir, String jar, Path clusterRecipe, Path nginxRecipe, int frontPort)
            throws IOException, InterruptedException {
        Cluster cluster = new Cluster(dir, jar, clusterRecipe,
                find(UPSTREAM_SERVER, clusterRecipe.resolve("ticker-cluster-upstream.conf")),
                find(REDIS_PORT, clusterRecipe.resolve("redis.conf")).get(0), frontPort);
        cluster.startAll(nginxRecipe);
        return cluster;
    }

    /**
     * Starts Redis on {@code redisPort} and one standalone node per port of {@code nodePorts}, without nginx: the
     * parts of a cluster whose other nodes the caller runs elsewhere (on an application server). Redis gets
     * {@code redis.conf} with its port moved, the nodes {@code node.env} with the bus moved to match.
     */
    public static Cluster startWithoutFront(Path dir, String jar, Path clusterRecipe, int redisPort,
                                            List<Integer> nodePorts) throws IOException, InterruptedException {
        Cluster cluster = new Cluster(dir, jar, clusterRecipe, List.copyOf(nodePorts), redisPort, 0);
        cluster.startAll(null);
        return cluster;
    }

    private void startAll(Path nginxRecipe) throws IOException, InterruptedException {
        OrphanReaper.watch(jar, dir.toString());
        killLeftovers();
        try {
            startRedis();
            for (int i = 0; i < nodes.length; i++) {
                startNode(i);
            }
            if (nginxRecipe != null) {
                startFront(nginxRecipe);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    public int size() {
        return nodes.length;
    }

    /** nginx's URL, ending in "/". */
    public URL front() {
        return url("http://127.0.0.1:" + frontPort + "/");
    }

    /** Node {@code i}'s own URL, ending in "/". */
    public URL node(int i) {
        return url("http://127.0.0.1:" + ports.get(i) + "/");
    }

    public boolean isRunning(int i) {
        return nodes[i] != null && nodes[i].process().isAlive();
    }

    public boolean isRedisRunning() {
        return redis != null && redis.process().isAlive();
    }

    /** The index of the node that holds the lease now, or -1 if none does (or a process not started here). */
    public int leader() throws IOException {
        long pid = leaderPid();
        for (int i = 0; i < nodes.length; i++) {
            if (isRunning(i) && nodes[i].pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    /** The pid of the process whose node holds the lease now, wherever it runs, or -1 if no node holds it. */
    public long leaderPid() throws IOException {
        Matcher pid = LEADER_PID.matcher(redis.command("GET ticker:leader"));
        return pid.find() ? Long.parseLong(pid.group(1)) : -1;
    }

    /** The pid of node {@code i}, which must be running. */
    public long pid(int i) {
        return nodes[i].pid();
    }

    /** The seq of the last quote recorded in Redis (0 if none). */
    public long lastPublishedSeq() throws IOException {
        String seq = redis.command("GET ticker:seq");
        return seq.isEmpty() ? 0 : Long.parseLong(seq);
    }

    /** Kills node {@code i} without warning (SIGKILL), as a crash or a power cut would. */
    public void killNode(int i) throws InterruptedException {
        TickerProcess node = nodes[i];
        nodes[i] = null;
        pidFile(i).delete();
        node.process().kill();
    }

    /** Sends node {@code i} SIGTERM and returns at once; the future completes with its exit code. */
    public CompletableFuture<Integer> stopNodeInBackground(int i) {
        TickerProcess node = nodes[i];
        nodes[i] = null;
        pidFile(i).delete();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return node.process().stop(STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping cluster node " + i, e);
            }
        });
    }

    /** Starts node {@code i} and waits until it serves. */
    public void startNode(int i) throws IOException, InterruptedException {
        nodes[i] = TickerProcess.launch(List.of(javaBinary(), "-jar", jar), nodeEnvironment(ports.get(i)));
        pidFile(i).write(nodes[i].pid());
        nodes[i].awaitReady(STARTUP);
    }

    /** Kills Redis without warning: every key is lost, as nothing is persisted. */
    public void killRedis() throws InterruptedException {
        RedisProcess gone = redis;
        redis = null;
        redisPidFile().delete();
        gone.process().kill();
    }

    public void startRedis() throws IOException, InterruptedException {
        redis = RedisProcess.start("/usr/bin/redis-server", redisConf, redisPort, STARTUP);
        redisPidFile().write(redis.process().pid());
    }

    /** Starts whatever a test killed: Redis first, then the nodes. */
    public void heal() throws IOException, InterruptedException {
        if (!isRedisRunning()) {
            startRedis();
        }
        for (int i = 0; i < nodes.length; i++) {
            if (!isRunning(i)) {
                startNode(i);
            }
        }
    }

    /** Stops nginx, the nodes and Redis; kills what does not stop. */
    @Override
    public void close() throws InterruptedException {
        if (front != null) {
            front.process().kill();
        }
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                pidFile(i).delete();
                try {
                    nodes[i].process().stop(STOP);
                } catch (IllegalStateException killedInstead) {
                    // stop() killed it after the grace period; nothing more to do.
                }
            }
        }
        if (redis != null) {
            redisPidFile().delete();
            redis.process().kill();
        }
    }

    private void startFront(Path nginxRecipe) throws IOException, InterruptedException {
        NginxConf conf = new NginxConf(dir.resolve("nginx"), nginxRecipe);
        conf.prepare();
        Path link = dir.resolve("nginx").resolve("ticker-cluster");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, recipe);
        front = NginxProcess.startWith("/usr/sbin/nginx", conf, frontPort, String.join("\n",
                "include " + NginxConf.RECIPE_LINK + "/connection-upgrade.conf;",
                "include ticker-cluster/ticker-cluster-upstream.conf;",
                "",
                "server {",
                "    listen 127.0.0.1:" + frontPort + ";",
                "    include " + NginxConf.RECIPE_LINK + "/ticker-root.conf;",
                "}"), STARTUP);
    }

    private Map<String, String> nodeEnvironment(int port) throws IOException {
        Map<String, String> shared = SystemdFiles.environmentFile(recipe.resolve("node.env"));
        // A misspelt name would be ignored without a word, leaving the default (the in-memory bus!) in force.
        Set<String> known = Arrays.stream(Setting.values()).map(Setting::environmentName).collect(Collectors.toSet());
        List<String> unknown = shared.keySet().stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("node.env names settings the ticker does not have: " + unknown);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TICKER_"));
        environment.putAll(shared);
        if (busOverride != null) {
            environment.put("TICKER_BUS", busOverride);
        }
        environment.put("TICKER_PORT", Integer.toString(port));
        return environment;
    }

    private void killLeftovers() {
        redisPidFile().killLeftover();
        for (int i = 0; i < nodes.length; i++) {
            pidFile(i).killLeftover();
        }
        new PidFile(dir.resolve("nginx").resolve("nginx.pid"), dir.toString(), "the cluster's nginx").killLeftover();
    }

    private PidFile pidFile(int i) {
        return new PidFile(dir.resolve("node-" + ports.get(i) + ".pid"), jar, "cluster node " + i);
    }

    private PidFile redisPidFile() {
        return new PidFile(dir.resolve("redis-server.pid"), redisConf.toString(), "the cluster's redis-server");
    }

    private static List<Integer> find(Pattern pattern, Path file) throws IOException {
        List<Integer> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("nothing matching " + pattern + " in " + file);
        }
        return found;
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
