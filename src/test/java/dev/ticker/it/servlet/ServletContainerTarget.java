package dev.ticker.it.servlet;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * An Arquillian container for Tomcat and Jetty, run the way deploy/README.md tells an operator to: {@link #start}
 * sets the server up from its unpacked distribution and the recipe ({@link ServerLayout}) and runs it on 127.0.0.1;
 * {@link #deploy} drops the WAR into {@code webapps/} as {@code ticker.war} (context root {@code /ticker}) and waits
 * until its API answers; {@link #undeploy} removes the file and waits until the context is gone; {@link #stop} sends
 * SIGTERM. One deployment at a time, which is all the suite needs.
 */
public final class ServletContainerTarget implements DeployableContainer<ServletContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(ServletContainerTarget.class.getName());
    private static final String CONTEXT = "ticker";
    private static final String WAR = CONTEXT + ".war";

    private ServletContainerConfiguration configuration;
    private ServerLayout layout;
    private ServerProcess server;
    private HttpProbe probe;

    @Override
    public Class<ServletContainerConfiguration> getConfigurationClass() {
        return ServletContainerConfiguration.class;
    }

    @Override
    public void setup(ServletContainerConfiguration configuration) {
        this.configuration = configuration;
        this.layout = "tomcat".equals(configuration.getKind())
                ? new TomcatLayout(configuration) : new JettyLayout(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        // Every test runs as a client (testable = false); "Local" is the protocol that needs nothing deployed.
        return new ProtocolDescription("Local");
    }

    @Override
    public void start() throws LifecycleException {
        URI root = URI.create("http://127.0.0.1:" + configuration.getHttpPort() + "/");
        probe = new HttpProbe(this::failIfDead);
        if (probe.answers(root)) {
            throw new LifecycleException("Something already answers at " + root + ": a server left over by a killed"
                    + " build, or another program on the " + configuration.getKind() + " target's port");
        }
        try {
            layout.prepare();
            Path console = layout.base().resolve("console.log");
            server = ServerProcess.start(layout, console);
            LOG.info(() -> "Started " + configuration.getKind() + " (pid " + server.pid() + "), console in " + console);
            probe.awaitAnswer(root, timeout(configuration.getStartupTimeoutSeconds()), configuration.getKind() + " to listen");
        } catch (IOException | RuntimeException e) {
            killServer();
            throw new LifecycleException("Could not start " + configuration.getKind() + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killServer();
            throw new LifecycleException("Interrupted while starting " + configuration.getKind(), e);
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        Path target = layout.webapps().resolve(WAR);
        if (Files.exists(target)) {
            throw new DeploymentException(target + " is still there: this container runs one deployment at a time");
        }
        try {
            // Written outside webapps/ and moved in at once: the server must never see half a WAR.
            Path staged = layout.base().resolve(WAR + ".part");
            archive.as(ZipExporter.class).exportTo(staged.toFile(), true);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            probe.awaitStatus(api(), 200, timeout(configuration.getDeployTimeoutSeconds()),
                    archive.getName() + " to serve its API");
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Could not deploy " + archive.getName() + " to " + configuration.getKind() + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while deploying " + archive.getName(), e);
        }
        HTTPContext http = new HTTPContext("127.0.0.1", configuration.getHttpPort());
        // A servlet at the context root makes Arquillian's URL end in "/ticker/".
        http.add(new Servlet(CONTEXT, "/" + CONTEXT));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            Files.deleteIfExists(layout.webapps().resolve(WAR));
            probe.awaitStatus(api(), 404, timeout(configuration.getDeployTimeoutSeconds()),
                    archive.getName() + " to be undeployed");
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Could not undeploy " + archive.getName() + " from " + configuration.getKind() + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while undeploying " + archive.getName(), e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        if (server == null) {
            return;
        }
        try {
            int exitCode = server.stop(timeout(configuration.getShutdownTimeoutSeconds()));
            LOG.info(() -> "Stopped " + configuration.getKind() + " (pid " + server.pid() + "), exit code " + exitCode);
        } catch (IllegalStateException e) {
            throw new LifecycleException(configuration.getKind() + " did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("Interrupted while stopping " + configuration.getKind(), e);
        } finally {
            server = null;
        }
    }

    private URI api() {
        return URI.create("http://127.0.0.1:" + configuration.getHttpPort() + "/" + CONTEXT + "/api/symbols");
    }

    /** Called by every wait: a server that died will not answer, so say so at once with its last words. */
    private void failIfDead() {
        if (server != null && !server.isAlive()) {
            throw new IllegalStateException(configuration.getKind() + " (pid " + server.pid() + ") exited" + tail());
        }
    }

    private String tail() {
        return server == null ? "" : ". Last console output:\n" + server.tail();
    }

    private void killServer() {
        if (server != null) {
            try {
                server.kill();
            } catch (InterruptedException e) {
                // Signalled already; only the wait for its end was cut short.
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration timeout(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
