package dev.ticker.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Many WebSocket sessions from one JVM, with the JDK's client: each subscribes to its symbols and counts the quotes
 * it receives, and every quote's latency (receive time minus its scheduled tick time) goes into one histogram.
 * Reads as little of each frame as it must, so that the client, sharing the machine, costs the server little CPU.
 */
final class LoadClient implements QuoteReceiver, AutoCloseable {

    private static final int CONNECTS_IN_FLIGHT = 256;

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "load-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().executor(callbacks)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Recorder latency = new Recorder(QuoteTimes.MAX_LATENCY_MS, 3);
    private final LongAdder updates = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder payloadBytes = new LongAdder();
    private final Queue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /**
     * Opens {@code count} sessions to {@code wsUri}; session {@code i} subscribes to {@code symbolsOf.apply(i)} (none
     * if empty). Returns when every session has its snapshot (or, unsubscribed, its welcome), or fails after
     * {@code timeout}.
     */
    void open(URI wsUri, int count, IntFunction<List<String>> symbolsOf, Duration timeout)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        Semaphore connecting = new Semaphore(CONNECTS_IN_FLIGHT);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            if (!connecting.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("connecting " + count + " sessions took longer than " + timeout);
            }
            Session session = new Session(symbolsOf.apply(i), ready, connecting);
            http.newWebSocketBuilder().buildAsync(wsUri, session).whenComplete((socket, failure) -> {
                if (failure != null) {
                    failures.add(failure);
                    connecting.release();
                } else {
                    sockets.add(socket);
                }
            });
        }
        if (!ready.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException((count - ready.getCount()) + " of " + count + " sessions ready within "
                    + timeout + "; failures: " + failures.size() + " " + failures.stream().findFirst().orElse(null));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " sessions failed", failures.peek());
        }
    }

    /** User plus system CPU seconds the load client's process (this JVM) has used so far. */
    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    @Override
    public long updates() {
        return updates.sum();
    }

    long frames() {
        return frames.sum();
    }

    long payloadBytes() {
        return payloadBytes.sum();
    }

    @Override
    public Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }

    int failedSessions() {
        return failures.size();
    }

    @Override
    public void close() {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        callbacks.shutdownNow();
    }

    /** One session: subscribes after the welcome, then counts quotes. */
    private final class Session implements WebSocket.Listener {
        private final List<String> symbols;
        private final CountDownLatch ready;
        private final Semaphore connecting;
        private final StringBuilder partial = new StringBuilder();
        private boolean counted;

        Session(List<String> symbols, CountDownLatch ready, Semaphore connecting) {
            this.symbols = symbols;
            this.ready = ready;
            this.connecting = connecting;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                receive(socket, frame);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            failures.add(new IllegalStateException("closed by the server: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            failures.add(error);
        }

        private void receive(WebSocket socket, String frame) {
            if (frame.startsWith("{\"type\":\"quote")) {
                long now = System.currentTimeMillis();
                frames.increment();
                payloadBytes.add(frame.length());
                recordQuotes(frame, now);
            } else if (frame.startsWith("{\"type\":\"welcome\"")) {
                if (symbols.isEmpty()) {
                    markReady();
                } else {
                    socket.sendText(subscribe(symbols), true);
                }
            } else if (frame.startsWith("{\"type\":\"snapshot\"")) {
                markReady();
            } else if (frame.startsWith("{\"type\":\"error\"")) {
                failures.add(new IllegalStateException("server error: " + frame));
            }
        }

        private void markReady() {
            if (!counted) {
                counted = true;
                connecting.release();
                ready.countDown();
            }
        }

        /** Every {@code "ts":<millis>} in the frame is one quote. */
        private void recordQuotes(String frame, long now) {
            QuoteTimes.record(frame, now, latency, updates);
        }
    }

    private static String subscribe(List<String> symbols) {
        StringBuilder json = new StringBuilder("{\"type\":\"subscribe\",\"symbols\":[");
        for (int i = 0; i < symbols.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(symbols.get(i)).append('"');
        }
        return json.append("]}").toString();
    }
}
