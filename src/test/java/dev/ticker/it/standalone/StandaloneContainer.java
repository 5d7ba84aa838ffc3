package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
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
 * start and a redeploy a restart. One run at a time, which is all the suite needs.
 */
public final class StandaloneContainer implements DeployableContainer<StandaloneConfiguration> {

    private static final Logger LOG = Logger.getLogger(StandaloneContainer.class.getName());
    private static final String SERVLET_NAME = "ticker";

    private StandaloneConfiguration configuration;
    private PidFile pidFile;
    private TickerProcess running;

    @Override
    public Class<StandaloneConfiguration> getConfigurationClass() {
        return StandaloneConfiguration.class;
    }

    @Override
    public void setup(StandaloneConfiguration configuration) {
        this.configuration = configuration;
        Path jar = Path.of(configuration.getJar()).toAbsolutePath();
        this.pidFile = new PidFile(jar.resolveSibling("ticker-standalone-it.pid"), jar.toString(), "the standalone ticker");
    }

    @Override
    public void start() {
        pidFile.killLeftover();
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
            running.awaitReady(Duration.ofSeconds(configuration.getStartupTimeoutSeconds()));
        } catch (IOException | IllegalStateException e) {
            throw new DeploymentException("Could not start " + configuration.getJar() + " for " + archive.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while starting the standalone ticker", e);
        }
        URI url = running.url();
        LOG.info(() -> "Started the standalone ticker (pid " + running.pid() + ") at " + url + " for " + archive.getName());
        HTTPContext http = new HTTPContext(url.getHost(), url.getPort());
        // A servlet at the root makes Arquillian's URL end in "/", so tests can resolve relative paths against it.
        http.add(new Servlet(SERVLET_NAME, url.getPath()));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        TickerProcess process = running;
        running = null;
        if (process == null) {
            return;
        }
        pidFile.delete();
        int exitCode;
        try {
            exitCode = process.process().stop(Duration.ofSeconds(configuration.getShutdownTimeoutSeconds()));
        } catch (IllegalStateException e) {
            throw new DeploymentException("The standalone ticker did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while stopping the standalone ticker", e);
        }
        if (exitCode != 0) {
            throw new DeploymentException("The standalone ticker (pid " + process.pid() + ") exited with code "
                    + exitCode + " on SIGTERM instead of 0. Last output:\n" + process.process().tail());
        }
        LOG.info(() -> "Stopped the standalone ticker (pid " + process.pid() + "), exit code 0");
    }

    @Override
    public void stop() {
        // Arquillian undeploys before it stops the container; a process still here means an undeploy never ran.
        TickerProcess process = running;
        running = null;
        if (process != null) {
            LOG.warning(() -> "Killing the standalone ticker (pid " + process.pid() + ") that was never undeployed");
            try {
                process.process().kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pidFile.delete();
        }
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
