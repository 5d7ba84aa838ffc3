package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * An Arquillian container whose "deployment" is a run of the built standalone jar. The archive stands for the
 * application and is not looked into: {@link #deploy} starts {@code java -jar ticker-standalone.jar --port=0} and
 * reports the URL it prints, {@link #undeploy} stops it with SIGTERM and fails unless it exits 0. So a deploy is a
 * start and a redeploy a restart. With {@code proxy=nginx} each deploy also starts Debian's nginx in front of the
 * jar, configured with deploy/nginx, and reports nginx's URL instead: every test then goes through the proxy.
 * One run at a time, which is all the suite needs.
 */
public final class StandaloneContainer implements DeployableContainer<StandaloneConfiguration> {

    private static final Logger LOG = Logger.getLogger(StandaloneContainer.class.getName());
    private static final String SERVLET_NAME = "ticker";

    private StandaloneConfiguration configuration;
    private PidFile pidFile;
    private TickerProcess running;
    /** The nginx parts are set with {@code proxy=nginx} only. */
    private NginxConf nginxConf;
    private PidFile nginxPidFile;
    private NginxProcess front;

    @Override
    public Class<StandaloneConfiguration> getConfigurationClass() {
        return StandaloneConfiguration.class;
    }

    @Override
    public void setup(StandaloneConfiguration configuration) {
        this.configuration = configuration;
        Path jar = Path.of(configuration.getJar()).toAbsolutePath();
        this.pidFile = new PidFile(jar.resolveSibling("ticker-standalone-it.pid"), jar.toString(), "the standalone ticker");
        if (configuration.behindNginx()) {
            nginxConf = new NginxConf(configuration.nginxWorkDir(), Path.of(configuration.getNginxRecipe()));
            // nginx writes this pid file itself and removes it when it stops.
            nginxPidFile = new PidFile(nginxConf.pidFile(), nginxConf.file().toString(), "nginx");
        }
    }

    @Override
    public void start() throws LifecycleException {
        pidFile.killLeftover();
        if (nginxConf != null) {
            nginxPidFile.killLeftover();
            try {
                nginxConf.prepare();
            } catch (IOException e) {
                throw new LifecycleException("Could not prepare nginx's folder " + configuration.nginxWorkDir(), e);
            }
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        // Every test runs as a client (testable = false); "Local" is the protocol that needs nothing deployed.
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && running.process().isAlive()) {
            throw new DeploymentException("The standalone ticker (pid " + running.pid() + ") is still running: "
                    + "this container runs one deployment at a time");
        }
        try {
            running = TickerProcess.launch(command(), null);
            // Recorded before the wait: a test JVM killed while the ticker starts must not leave it unrecorded.
            pidFile.write(running.pid());
            running.awaitReady(startupTimeout());
            LOG.info(() -> "Started the standalone ticker (pid " + running.pid() + ") at " + running.url()
                    + " for " + archive.getName());
            URI url = nginxConf == null ? running.url() : startFront(running.url());
            HTTPContext http = new HTTPContext(url.getHost(), url.getPort());
            // A servlet at the root makes Arquillian's URL end in "/", so tests can resolve relative paths against it.
            http.add(new Servlet(SERVLET_NAME, url.getPath()));
            return new ProtocolMetaData().addContext(http);
        } catch (IOException | RuntimeException e) {
            killAll();
            throw new DeploymentException("Could not start the standalone ticker" + (nginxConf == null ? "" : " and nginx")
                    + " for " + archive.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll();
            throw new DeploymentException("Interrupted while starting the standalone ticker", e);
        }
    }

    private URI startFront(URI upstream) throws IOException, InterruptedException {
        front = NginxProcess.start(configuration.getNginx(), nginxConf, upstream, startupTimeout());
        LOG.info(() -> "Started nginx (pid " + front.pid() + ") at " + front.url() + " in front of " + upstream);
        return front.url();
    }

    /**
     * Stops the ticker, then nginx. In this order because a WebSocket client should see what it sees when the
     * ticker restarts behind a proxy that stays up: the ticker's close code 1001, passed on by nginx. nginx stopping
     * first would cut the connections without a close frame.
     */
    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        TickerProcess ticker = running;
        NginxProcess nginx = front;
        running = null;
        front = null;
        DeploymentException failure = null;
        if (ticker != null) {
            pidFile.delete();
            failure = stopCleanly("the standalone ticker", ticker.process());
        }
        if (nginx != null) {
            DeploymentException nginxFailure = stopCleanly("nginx", nginx.process());
            if (failure == null) {
                failure = nginxFailure;
            } else if (nginxFailure != null) {
                failure.addSuppressed(nginxFailure);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Sends SIGTERM and waits for exit code 0; returns what went wrong instead, if anything. */
    private DeploymentException stopCleanly(String what, ChildProcess process) {
        int exitCode;
        try {
            exitCode = process.stop(Duration.ofSeconds(configuration.getShutdownTimeoutSeconds()));
        } catch (IllegalStateException e) {
            return new DeploymentException(what + " did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeploymentException("Interrupted while stopping " + what, e);
        }
        if (exitCode != 0) {
            return new DeploymentException(what + " (pid " + process.pid() + ") exited with code " + exitCode
                    + " on SIGTERM instead of 0. Last output:\n" + process.tail());
        }
        LOG.info(() -> "Stopped " + what + " (pid " + process.pid() + "), exit code 0");
        return null;
    }

    @Override
    public void stop() {
        // Arquillian undeploys before it stops the container; a process still here means an undeploy never ran.
        if (running != null || front != null) {
            LOG.warning("Killing the standalone ticker and nginx, which were never undeployed");
            killAll();
        }
    }

    private void killAll() {
        TickerProcess ticker = running;
        NginxProcess nginx = front;
        running = null;
        front = null;
        if (ticker != null) {
            pidFile.delete();
            kill(ticker.process());
        }
        if (nginx != null) {
            kill(nginx.process());
        }
    }

    private static void kill(ChildProcess process) {
        try {
            process.kill();
        } catch (InterruptedException e) {
            // The process has been signalled; only the wait for its end was cut short.
            Thread.currentThread().interrupt();
        }
    }

    private Duration startupTimeout() {
        return Duration.ofSeconds(configuration.getStartupTimeoutSeconds());
    }

    private List<String> command() {
        return List.of(javaBinary(), "-jar", configuration.getJar(),
                "--port=0", "--bind=127.0.0.1", "--seed=" + configuration.getSeed(),
                "--interval-ms=" + configuration.getIntervalMs());
    }

    /** The same JVM as the tests run on, so the jar is tested on the JDK the build chose. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
