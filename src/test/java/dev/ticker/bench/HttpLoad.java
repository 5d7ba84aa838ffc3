package dev.ticker.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Many HTTP clients of one transport (server-sent events, long polling or short polling) with the JDK's asynchronous
 * client: no thread per client. Counts requests and the quotes received, with each quote's staleness. The first
 * answer of a poller is the full set, a snapshot, so its quotes are not counted as updates.
 */
final class HttpLoad implements QuoteReceiver, AutoCloseable {

    /** Which transport the clients use. */
    enum Mode { SSE, LONG_POLL, SHORT_POLL }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final int LONG_POLL_TIMEOUT_S = 30;

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, runnable -> daemon(runnable, "http-load"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "http-load-timer"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Recorder latency = new Recorder(QuoteTimes.MAX_LATENCY_MS, 3);
    private final LongAdder updates = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** Starts {@code count} clients against the ticker at {@code base}; client {@code i} follows {@code symbolsOf(i)}. */
    void start(Mode mode, URI base, int count, IntFunction<List<String>> symbolsOf, int pollMs) {
        for (int i = 0; i < count; i++) {
            String symbols = String.join(",", symbolsOf.apply(i));
            switch (mode) {
                case SSE -> stream(base.resolve("api/quotes/stream?symbols=" + symbols));
                case LONG_POLL -> longPoll(base, symbols, -1);
                case SHORT_POLL -> {
                    Poller poller = new Poller(base, symbols);
                    timer.scheduleAtFixedRate(poller::poll, ThreadLocalRandom.current().nextInt(pollMs), pollMs,
                            TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    @Override
    public long updates() {
        return updates.sum();
    }

    long requests() {
        return requests.sum();
    }

    int failures() {
        return failures.size();
    }

    @Override
    public Histogram latencySinceLastCall() {
        return latency.getIntervalHistogram();
    }

    private void stream(URI uri) {
        requests.increment();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new EventLines()))
                .whenComplete((response, failure) -> fail(failure));
    }

    private void longPoll(URI base, String symbols, long since) {
        if (!running) {
            return;
        }
        requests.increment();
        URI uri = base.resolve("api/quotes/next?symbols=" + symbols + "&timeout=" + LONG_POLL_TIMEOUT_S
                + (since < 0 ? "" : "&since=" + since));
        http.sendAsync(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    if (failure != null || (response.statusCode() != 200 && response.statusCode() != 204)) {
                        fail(failure != null ? failure : new IllegalStateException("long poll answered "
                                + response.statusCode()));
                        return;
                    }
                    long next = since;
                    if (response.statusCode() == 200) {
                        if (since >= 0) {
                            QuoteTimes.record(response.body(), System.currentTimeMillis(), latency, updates);
                        }
                        next = QuoteTimes.firstSeq(response.body());
                    }
                    longPoll(base, symbols, next);
                });
    }

    private void fail(Throwable failure) {
        if (failure != null && running) {
            failures.add(failure);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        callbacks.shutdownNow();
    }

    /** A short-polling client: a conditional request per period, skipped while the previous one is unanswered. */
    private final class Poller {
        private final URI base;
        private final String symbols;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private volatile long since = -1;
        private volatile String etag;

        Poller(URI base, String symbols) {
            this.base = base;
            this.symbols = symbols;
        }

        void poll() {
            if (!running || !inFlight.compareAndSet(false, true)) {
                return;
            }
            requests.increment();
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/quotes?symbols=" + symbols
                    + (since < 0 ? "" : "&since=" + since))).timeout(REQUEST_TIMEOUT).GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                inFlight.set(false);
                if (failure != null || (response.statusCode() != 200 && response.statusCode() != 304)) {
                    fail(failure != null ? failure : new IllegalStateException("poll answered " + response.statusCode()));
                    return;
                }
                if (response.statusCode() == 200) {
                    if (since >= 0) {
                        QuoteTimes.record(response.body(), System.currentTimeMillis(), latency, updates);
                    }
                    since = QuoteTimes.firstSeq(response.body());
                    etag = response.headers().firstValue("ETag").orElse(null);
                }
            });
        }
    }

    /** Reads an event stream line by line; the data of {@code quote} events are the updates. */
    private final class EventLines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:") && line.contains("{\"type\":\"quote")) {
                QuoteTimes.record(line, System.currentTimeMillis(), latency, updates);
            }
        }

        @Override
        public void onError(Throwable failure) {
            fail(failure);
        }

        @Override
        public void onComplete() {
            fail(running ? new IllegalStateException("an event stream ended") : null);
        }
    }
}
