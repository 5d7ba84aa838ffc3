package dev.ticker.it.servlet;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Tomcat and Jetty targets' settings, from their {@code <container>} in {@code arquillian.xml}. Arquillian fills
 * the fields by name, hence the public bean shape.
 */
public final class ServletContainerConfiguration implements ContainerConfiguration {

    /** {@code tomcat} or {@code jetty}. */
    private String kind;
    /** The distribution the build unpacked: CATALINA_HOME or JETTY_HOME. */
    private String home;
    /** Where the server's own files go: CATALINA_BASE or JETTY_BASE; emptied before every start. */
    private String base;
    /** The operator's files, deploy/tomcat or deploy/jetty, used unchanged. */
    private String recipe;
    private int httpPort;
    /** Tomcat's shutdown port (Jetty has none). */
    private int shutdownPort;
    private int startupTimeoutSeconds = 120;
    private int deployTimeoutSeconds = 120;
    private int shutdownTimeoutSeconds = 60;

    @Override
    public void validate() throws ConfigurationException {
        if (!ServletContainerExtension.QUALIFIERS.contains(kind)) {
            throw new ConfigurationException("kind must be one of " + ServletContainerExtension.QUALIFIERS + ", not " + kind);
        }
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new ConfigurationException("The " + kind + " home '" + home + "' does not exist: the build unpacks it"
                    + " in the pre-integration-test phase (run `mvn verify`)");
        }
        if (recipe == null || !Files.isDirectory(Path.of(recipe))) {
            throw new ConfigurationException("The recipe folder '" + recipe + "' does not exist");
        }
        if (base == null || httpPort <= 0 || startupTimeoutSeconds <= 0 || deployTimeoutSeconds <= 0
                || shutdownTimeoutSeconds <= 0) {
            throw new ConfigurationException("base, httpPort and the timeouts must be set (positive)");
        }
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getHome() {
        return home;
    }

    public void setHome(String home) {
        this.home = home;
    }

    public String getBase() {
        return base;
    }

    public void setBase(String base) {
        this.base = base;
    }

    public String getRecipe() {
        return recipe;
    }

    public void setRecipe(String recipe) {
        this.recipe = recipe;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public int getShutdownPort() {
        return shutdownPort;
    }

    public void setShutdownPort(int shutdownPort) {
        this.shutdownPort = shutdownPort;
    }

    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }

    public int getDeployTimeoutSeconds() {
        return deployTimeoutSeconds;
    }

    public void setDeployTimeoutSeconds(int deployTimeoutSeconds) {
        this.deployTimeoutSeconds = deployTimeoutSeconds;
    }

    public int getShutdownTimeoutSeconds() {
        return shutdownTimeoutSeconds;
    }

    public void setShutdownTimeoutSeconds(int shutdownTimeoutSeconds) {
        this.shutdownTimeoutSeconds = shutdownTimeoutSeconds;
    }
}
