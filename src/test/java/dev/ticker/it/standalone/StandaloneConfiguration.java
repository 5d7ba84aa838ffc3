package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

import java.io.File;

/**
 * The standalone target's settings, from its {@code <container qualifier="standalone">} in {@code arquillian.xml}.
 * Arquillian fills the fields by name, hence the public bean shape.
 */
public final class StandaloneConfiguration implements ContainerConfiguration {

    private String jar = System.getProperty("ticker.it.standaloneJar");
    private long seed = 42;
    /** The tick interval the ticker is started with (ConfigurationIT checks it arrives). */
    private long intervalMs = Long.getLong("ticker.it.intervalMs", 250);
    private int startupTimeoutSeconds = 30;
    private int shutdownTimeoutSeconds = 20;

    @Override
    public void validate() throws ConfigurationException {
        if (jar == null || !new File(jar).isFile()) {
            throw new ConfigurationException("The standalone jar '" + jar + "' does not exist: build it with"
                    + " `mvn package` and pass its path as system property ticker.it.standaloneJar");
        }
        if (startupTimeoutSeconds <= 0 || shutdownTimeoutSeconds <= 0) {
            throw new ConfigurationException("startupTimeoutSeconds and shutdownTimeoutSeconds must be positive");
        }
    }

    public String getJar() {
        return jar;
    }

    public void setJar(String jar) {
        this.jar = jar;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public long getIntervalMs() {
        return intervalMs;
    }

    public void setIntervalMs(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }

    public int getShutdownTimeoutSeconds() {
        return shutdownTimeoutSeconds;
    }

    public void setShutdownTimeoutSeconds(int shutdownTimeoutSeconds) {
        this.shutdownTimeoutSeconds = shutdownTimeoutSeconds;
    }
}
