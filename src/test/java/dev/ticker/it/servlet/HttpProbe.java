package dev.ticker.it.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Bounded waits for a server to answer HTTP the way it should, checking on the server while it waits. */
final class HttpProbe {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(200);

    // HTTP/1.1: the JDK client's default HTTP/2 upgrade attempt is nothing the servers are tested with.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final Runnable serverCheck;

    /** @param serverCheck runs before every attempt; throws to end the wait (the server died) */
    HttpProbe(Runnable serverCheck) {
        this.serverCheck = serverCheck;
    }

    /** Whether anything answers HTTP at {@code uri} now. */
    boolean answers(URI uri) {
        try {
            return status(uri) > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until anything answers HTTP at {@code uri}. */
    void awaitAnswer(URI uri, Duration timeout, String what) throws InterruptedException {
        await(uri, -1, timeout, what);
    }

    /** Waits until {@code uri} answers with {@code expected}. */
    void awaitStatus(URI uri, int expected, Duration timeout, String what) throws InterruptedException {
        await(uri, expected, timeout, what);
    }

    private void await(URI uri, int expected, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last;
        do {
            serverCheck.run();
            last = status(uri);
            if (expected < 0 ? last > 0 : last == expected) {
                return;
            }
            Thread.sleep(PAUSE.toMillis());
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("Waited " + timeout.toSeconds() + " s for " + what + ": GET " + uri
                + (last > 0 ? " still answers " + last : " gets no answer") + (expected > 0 ? ", not " + expected : ""));
    }

    /** The status of a GET, or 0 if there was no HTTP answer. */
    private int status(URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswerYet) {
            return 0;
        }
    }
}
