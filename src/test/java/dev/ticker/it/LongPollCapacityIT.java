package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 500 clients long-polling at once do not take 500 server threads. Each client polls one symbol (so it waits about
 * two ticks for an answer) and polls again as soon as it has one, for a few seconds; meanwhile the test samples the
 * server process's thread count ({@code Threads:} in {@code /proc/<pid>/status}; every target's server is a local
 * process). A server that parked a thread per waiting request would grow by about 500 threads, or, with a capped
 * pool, answer only as many polls per tick as it has threads; the ticker must do neither. Halfway through, a thread
 * dump ({@code jcmd Thread.print}) counts the server threads inside the HTTP adapter ({@code dev.ticker.poll}): a
 * thread parked per waiting poll would show there hundreds of times, whatever the server's pool policy.
 */
class LongPollCapacityIT extends DeployedTicker {

    private static final int CLIENTS = 500;
    private static final String[] SYMBOLS = {"ACME", "GLOBX", "INITK", "UMBR", "HOOLI"};
    private static final Duration WINDOW = Duration.ofSeconds(8);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(50);
    /** A fifth of the ~500 a thread per waiting request would add; well above what pools grow by under load. */
    private static final int MAX_EXTRA_THREADS = 100;
    /**
     * Tomcat only: its worker pool (200 threads by default) creates a thread whenever a request arrives while none is
     * idle, rather than queueing, so bursts of re-polls grow it towards that cap however briefly each request holds
     * its thread; a thread per waiting request would hit the same cap. There the growth is bounded by the pool's
     * default size, and the thread dump below is what tells the two apart.
     */
    private static final int TOMCAT_MAX_EXTRA_THREADS = 200;
    /** Threads caught inside the application's HTTP adapter in one dump: a handful passing through, never hundreds. */
    private static final int MAX_THREADS_IN_ADAPTER = 25;
    private static final String ADAPTER_FRAME = "at dev.ticker.poll.";
    /**
     * One answer per client on average: a sanity check that the polls kept being answered. An idle machine gives
     * each client about 20 in the window (its symbol trades on about every other 200 ms tick); the build shares two
     * busy cores with other builds, so the bound is loose, and the thread count is the measurement that matters.
     */
    private static final int MIN_ANSWERS = CLIENTS / 2;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Test
    void fiveHundredWaitingPollsDoNotTakeFiveHundredThreads() throws InterruptedException {
        ProcessHandle server = TargetProcess.server(TargetProcess.marker());
        warmUp();
        int baseline = TargetProcess.threads(server);

        long deadline = System.nanoTime() + WINDOW.toNanos();
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            poll(SYMBOLS[client % SYMBOLS.length], 0, deadline, finished);
        }
        int peakThreads = baseline;
        int peakOutstanding = 0;
        long dumpAt = System.nanoTime() + WINDOW.toNanos() / 2;
        int inAdapter = -1;
        while (System.nanoTime() < deadline) {
            peakOutstanding = Math.max(peakOutstanding, outstanding.get());
            peakThreads = Math.max(peakThreads, TargetProcess.threads(server));
            if (inAdapter < 0 && System.nanoTime() >= dumpAt) {
                inAdapter = threadsInAdapter(server);
            }
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        assertTrue(finished.await(DRAIN.toSeconds(), TimeUnit.SECONDS),
                () -> outstanding.get() + " polls still unanswered " + DRAIN + " after the window");

        int extra = peakThreads - baseline;
        int polls = peakOutstanding;
        int caught = inAdapter;
        int maxExtra = "tomcat".equals(System.getProperty("arquillian.launch"))
                ? TOMCAT_MAX_EXTRA_THREADS : MAX_EXTRA_THREADS;
        System.out.printf("LongPollCapacityIT: %d clients, %d polls outstanding at peak, server threads %d -> %d "
                        + "(+%d), %d in the HTTP adapter mid-window, %d answers in %s%n", CLIENTS, polls, baseline,
                peakThreads, extra, caught, answers.get(), WINDOW);
        assertAll(
                () -> assertEquals(Map.of(), Map.copyOf(failures), "failed polls by cause"),
                () -> assertTrue(polls >= CLIENTS * 9 / 10, "only " + polls + " polls were outstanding at once"),
                () -> assertTrue(extra < maxExtra, "the server grew by " + extra + " threads (from "
                        + baseline + ") while " + polls + " polls waited"),
                () -> assertTrue(caught >= 0 && caught < MAX_THREADS_IN_ADAPTER, caught
                        + " server threads were inside dev.ticker.poll at once while " + polls + " polls waited"),
                () -> assertTrue(answers.get() >= MIN_ANSWERS, "only " + answers.get() + " answers in " + WINDOW));
    }

    /** One round of immediate polls from every client, so connections and the server's pools are warm. */
    private void warmUp() throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        long once = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            poll(SYMBOLS[client % SYMBOLS.length], -1, once, finished);
        }
        assertTrue(finished.await(DRAIN.toSeconds(), TimeUnit.SECONDS), "warm-up polls unanswered");
        assertEquals(Map.of(), Map.copyOf(failures), "failed warm-up polls by cause");
        answers.set(0);
    }

    /** Polls {@code symbol} after {@code since} (-1: no cursor), and again with the new cursor until the deadline. */
    private void poll(String symbol, long since, long deadline, CountDownLatch finished) {
        String query = "api/quotes/next?symbols=" + symbol + "&timeout=20" + (since < 0 ? "" : "&since=" + since);
        outstanding.incrementAndGet();
        http.sendAsync(HttpRequest.newBuilder(uri(query)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    outstanding.decrementAndGet();
                    long next = since;
                    if (failure != null) {
                        failed(failure.getClass().getSimpleName());
                    } else if (response.statusCode() == 200) {
                        answers.incrementAndGet();
                        next = cursor(response.body());
                    } else if (response.statusCode() != 204) {
                        failed("HTTP " + response.statusCode());
                    }
                    if (failure == null && System.nanoTime() < deadline) {
                        poll(symbol, next, deadline, finished);
                    } else {
                        finished.countDown();
                    }
                });
    }

    private void failed(String cause) {
        failures.computeIfAbsent(cause, ignored -> new AtomicInteger()).incrementAndGet();
    }

    private URI uri(String path) {
        try {
            return base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    private static final Pattern CURSOR = Pattern.compile("^\\{\"seq\":(\\d+)");

    /** The answer's cursor, its leading {@code "seq"} (the body is ours: {"seq":...,"quotes":[...]}). */
    private static long cursor(String body) {
        Matcher matcher = CURSOR.matcher(body);
        if (!matcher.find()) {
            fail("no leading seq in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Threads of the server whose stack, in a {@code jcmd Thread.print} dump, passes through {@code dev.ticker.poll}. */
    private static int threadsInAdapter(ProcessHandle server) {
        int count = 0;
        for (String block : TargetProcess.threadDump(server).split("\n\\s*\n")) {
            if (block.startsWith("\"") && block.contains(ADAPTER_FRAME)) {
                count++;
            }
        }
        return count;
    }
}
