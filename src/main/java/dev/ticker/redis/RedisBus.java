package dev.ticker.redis;

import dev.ticker.cluster.LeaderLease;
import dev.ticker.cluster.Replica;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteBus;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireException;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.lang.management.ManagementFactory;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bus of a node in a cluster: one node at a time (the holder of the lease in Redis) generates; it records each
 * batch in Redis and publishes it there, and every node, itself included, feeds its board from the subscription.
 *
 * <p>Threads: the feed's thread only reads the lease and sends the publish script without waiting for it. The lease
 * has a thread of its own; the replica's work (decoding batches, catching up from Redis) runs on a bus thread with a
 * bounded queue. If Redis becomes unreachable, commands fail at once instead of queueing (bounded memory); Lettuce
 * reconnects and resubscribes by itself, and the replica then catches up or resyncs. A once-a-second check of
 * Redis's last seq catches anything else that was missed.
 */
public final class RedisBus implements QuoteBus {

    private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());
    static final Duration LEASE_TTL = Duration.ofSeconds(3);
    static final Duration LEASE_MARGIN = Duration.ofMillis(500);
    /** Batches kept in Redis for catching up and resuming: at four ticks a second, about eight minutes. */
    static final int HISTORY_BATCHES = 2_000;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** For a connection's handshake, which a JVM that has just started (cold classes, busy CPU) can take long over. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a starting node keeps trying to reach Redis before it gives up (and exits 1). */
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(30);
    private static final int REQUEST_QUEUE = 1_000;
    private static final int BUS_QUEUE = 10_000;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final LeaderLease<Turn> lease;
    private final Replica replica;
    private final WireCodec codec;
    private final ThreadPoolExecutor busThread;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean publishFailing = new AtomicBoolean();
    /** Touched on the bus thread only. */
    private boolean syncFailing;
    private final AtomicBoolean overflowed = new AtomicBoolean();
    /** Set when the node leaves: its own closing of the connections is no disconnect to warn about. */
    private volatile boolean closing;

    private RedisBus(RedisClient client, StatefulRedisConnection<String, String> connection,
                     StatefulRedisPubSubConnection<String, String> subscription, QuoteBoard board, WireCodec codec,
                     Clock clock, ThreadFactory threads) {
        this.client = client;
        this.connection = connection;
        this.subscription = subscription;
        this.codec = codec;
        String node = nodeId();
        this.lease = new LeaderLease<>(new RedisLeaseStore(connection.sync(), board, codec, clock), node,
                LEASE_TTL, LEASE_MARGIN, clock);
        this.replica = new Replica(board, new RedisQuoteStore(connection.sync(), codec));
        this.busThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BUS_QUEUE),
                runnable -> daemon(threads, runnable, "ticker-bus"), (task, executor) -> overflowed(executor));
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(threads, runnable, "ticker-lease"));
    }

    /**
     * Connects to the Redis at {@code address}, joins the quote stream (the board gets the latest quotes and the
     * recent history) and starts competing for the lead.
     *
     * @param threads makes the bus's own two threads (on an application server, the container's managed thread
     *                factory, so that they run with the application's context)
     * @throws RedisConnectionException if Redis cannot be reached within half a minute
     */
    public static RedisBus connect(URI address, QuoteBoard board, WireCodec codec, Clock clock,
                                   ThreadFactory threads) {
        String shown = address.getScheme() + "://" + address.getHost() + ":" + address.getPort();
        RedisURI uri = RedisURI.create(address);
        uri.setTimeout(CONNECT_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<String, String> connection = null;
        try {
            connection = connectPatiently(client, shown);
            StatefulRedisPubSubConnection<String, String> subscription = client.connectPubSub();
            RedisBus bus = new RedisBus(client, connection, subscription, board, codec, clock, threads);
            bus.start(shown);
            return bus;
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            client.shutdown();
            throw e;
        }
    }

    /** The first connection, retried for a while: Redis may be starting or restarting beside this node. */
    private static StatefulRedisConnection<String, String> connectPatiently(RedisClient client, String address) {
        long deadline = System.nanoTime() + CONNECT_PATIENCE.toNanos();
        while (true) {
            try {
                return client.connect();
            } catch (RedisConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warning(() -> "Cannot reach Redis at " + address + " yet (" + e.getMessage() + "); retrying");
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void start(String address) {
        // Joining first, on the bus thread: batches that arrive meanwhile queue behind it, and any published between
        // the join's reads and the subscription are caught up from the history by the first batch after them.
        busThread.execute(replica::join);
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String batch) {
                onBatch(batch);
            }
        });
        subscription.sync().subscribe(RedisKeys.CHANNEL);
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                LOG.info(() -> "Connected to Redis at " + address + "; catching up on what was missed");
                onBus(replica::catchUp);
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                if (!closing) {
                    LOG.warning("Disconnected from Redis; reconnecting");
                }
            }
        });
        timers.scheduleWithFixedDelay(lease::run, 0, lease.round().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Node " + lease.node() + " joined the cluster through Redis at " + address);
    }

    @Override
    public Turn turn() {
        return lease.current();
    }

    @Override
    public void publish(Turn turn, List<Quote> quotes) {
        if (quotes.isEmpty() || lease.current() != turn) {
            return;
        }
        String[] args = new String[5 + 2 * quotes.size()];
        List<String> frames = quotes.stream().map(codec::quote).toList();
        args[0] = lease.node();
        args[1] = Long.toString(quotes.get(0).seq());
        args[2] = Long.toString(quotes.get(quotes.size() - 1).seq());
        args[3] = codec.batch(frames);
        args[4] = Integer.toString(HISTORY_BATCHES);
        for (int i = 0; i < quotes.size(); i++) {
            args[5 + 2 * i] = quotes.get(i).symbol();
            args[6 + 2 * i] = frames.get(i);
        }
        try {
            connection.async().<Long>eval(RedisKeys.PUBLISH, ScriptOutputType.INTEGER, RedisKeys.PUBLISH_KEYS, args)
                    .whenComplete((result, failure) -> published(turn, result, failure));
        } catch (RuntimeException e) {
            published(turn, null, e);
        }
    }

    @Override
    public void close() {
        closing = true;
        timers.shutdownNow();
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the lead; another node takes over when it expires", e);
        }
        busThread.shutdownNow();
        subscription.close();
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
        LOG.info(() -> "Node " + lease.node() + " left the cluster");
    }

    private void published(Turn turn, Long result, Throwable failure) {
        if (failure != null) {
            if (publishFailing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Could not publish quotes to Redis; they are lost, and every node will see a "
                        + "gap (logged once until publishing works again)", failure);
            }
            return;
        }
        if (publishFailing.compareAndSet(true, false)) {
            LOG.info("Publishing quotes to Redis works again");
        }
        if (result == null || result != 1L) {
            LOG.warning(() -> "Redis refused a batch (" + (result != null && result == 0L
                    ? "another node holds the lease" : "its seq is not above the last one") + "); this node steps down");
            lease.lost(turn);
        }
    }

    private void onBatch(String batch) {
        onBus(() -> {
            try {
                replica.receive(codec.readQuotes(batch));
            } catch (WireException e) {
                LOG.log(Level.SEVERE, "Dropped a batch from Redis that is not quotes: " + WireCodec.abbreviate(batch), e);
            }
        });
    }

    /** The periodic safety net: catches up whatever was missed without a disconnect or after an overflow. */
    private void check() {
        overflowed.set(false);
        onBus(replica::check);
    }

    /** The bus thread fell too far behind: batches are dropped (bounded memory) and caught up by the next check. */
    private void overflowed(ThreadPoolExecutor executor) {
        if (!executor.isShutdown() && overflowed.compareAndSet(false, true)) {
            LOG.warning("The bus thread is " + BUS_QUEUE + " tasks behind; dropping batches until it catches up");
        }
    }

    private void onBus(Runnable work) {
        try {
            busThread.execute(() -> {
                try {
                    work.run();
                    if (syncFailing) {
                        syncFailing = false;
                        LOG.info("Syncing with Redis works again");
                    }
                } catch (RuntimeException e) {
                    // Redis unreachable, typically: the next check or reconnect tries again. Logged once per outage.
                    if (!syncFailing) {
                        syncFailing = true;
                        LOG.log(Level.WARNING, "Could not sync with Redis; retrying every " + CHECK_EVERY.toSeconds()
                                + " s: " + e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // Only while shutting down (overflows are handled above): nothing more to do.
        }
    }

    private static String nodeId() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        return runtime + "/" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    }

    private static Thread daemon(ThreadFactory threads, Runnable runnable, String name) {
        Thread thread = threads.newThread(runnable);
        thread.setName(name);
        thread.setDaemon(true);
        return thread;
    }
}
