package dev.ticker.standalone;

import dev.ticker.config.InvalidSettingException;
import dev.ticker.config.Setting;
import dev.ticker.config.SettingsSource;
import dev.ticker.config.TickerSettings;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import sun.misc.Signal;

/**
 * {@code java -jar ticker-standalone.jar [--port=8080] [--bind=127.0.0.1] ...}: runs the ticker until Ctrl-C.
 * Prints {@code Ticker running at <url>} once it accepts connections (scripts and tests wait for that line).
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        List<String> options = Arrays.asList(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(usage());
            return;
        }
        TickerSettings settings;
        try {
            settings = new SettingsSource()
                    .environment(System.getenv())
                    .systemProperties(System.getProperties())
                    .commandLine(options)
                    .load();
        } catch (InvalidSettingException e) {
            System.err.println("ticker: " + e.getMessage());
            System.err.println("Run with --help for the list of settings.");
            System.exit(2);
            return;
        }
        run(settings);
    }

    private static void run(TickerSettings settings) {
        // Handlers first: a stop requested while starting, or right after the line below, still gets a clean stop.
        CountDownLatch stop = onStopSignal();
        StandaloneServer server;
        try {
            server = StandaloneServer.start(settings);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "The ticker could not start", e);
            System.err.println("ticker: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Ticker running at " + url(server.scheme(), settings.bindAddress(), server.port()) + " (Ctrl-C stops it)");
        await(stop);
        LOG.info("Stopping");
        server.stop();
        LOG.info("Stopped");
        System.exit(0);
    }

    /**
     * Counts down on SIGINT or SIGTERM. Handling the signals ourselves, rather than in a shutdown hook, lets the
     * shutdown run while logging still works and lets the process exit 0 after a clean stop.
     */
    private static CountDownLatch onStopSignal() {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        return stop;
    }

    private static void await(CountDownLatch stop) {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String url(String scheme, String bindAddress, int port) {
        boolean anyAddress = bindAddress.equals("0.0.0.0") || bindAddress.equals("::");
        String host = anyAddress ? "localhost" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return scheme + "://" + host + ":" + port + "/";
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar ticker-standalone.jar [--setting=value ...]\n\n"
                + "Each setting can also be given as system property ticker.<name> or environment variable "
                + "TICKER_<NAME>;\nthe command line wins over properties, which win over the environment.\n\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format("  --%-14s %s (default: %s)%n",
                    setting.key(), setting.description(), setting.defaultText()));
        }
        return text.toString();
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = Main.class.getResourceAsStream("logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            System.err.println("ticker: default logging configuration unreadable: " + e.getMessage());
        }
    }
}
