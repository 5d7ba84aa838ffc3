package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standalone targets' settings, from their {@code <container>} in {@code arquillian.xml} ({@code standalone},
 * {@code standalone-nginx}). Arquillian fills the fields by name, hence the public bean shape.
 */
public final class StandaloneConfiguration implements ContainerConfiguration {

    static final String NO_PROXY = "none";
    static final String NGINX = "nginx";

    private String jar = System.getProperty("ticker.it.standaloneJar");
    private long seed = 42;
    /** The tick interval the ticker is started with (ConfigurationIT checks it arrives). */
    private long intervalMs = Long.getLong("ticker.it.intervalMs", 250);
    private int startupTimeoutSeconds = 30;
    private int shutdownTimeoutSeconds = 20;
    /** What stands in front of the ticker: {@value #NO_PROXY}, or {@value #NGINX} with the deploy/nginx recipe. */
    private String proxy = NO_PROXY;
    private String nginx = "/usr/sbin/nginx";
    /** The operator's nginx files, {@code deploy/nginx}, which the nginx target runs unchanged. */
    private String nginxRecipe = System.getProperty("ticker.it.nginxRecipe");

    @Override
    public void validate() throws ConfigurationException {
        if (jar == null || !new File(jar).isFile()) {
            throw new ConfigurationException("The standalone jar '" + jar + "' does not exist: build it with"
                    + " `mvn package` and pass its path as system property ticker.it.standaloneJar");
        }
        if (startupTimeoutSeconds <= 0 || shutdownTimeoutSeconds <= 0) {
            throw new ConfigurationException("startupTimeoutSeconds and shutdownTimeoutSeconds must be positive");
        }
        if (NGINX.equals(proxy)) {
            validateNginx();
        } else if (!NO_PROXY.equals(proxy)) {
            throw new ConfigurationException("proxy must be '" + NO_PROXY + "' or '" + NGINX + "', not '" + proxy + "'");
        }
    }

    /** A missing nginx fails the target: a skipped proxy test would look like a passed one. */
    private void validateNginx() throws ConfigurationException {
        if (!Files.isExecutable(Path.of(nginx))) {
            throw new ConfigurationException("The nginx target runs the suite through Debian's nginx, but there is"
                    + " no executable " + nginx + ". Install it (`apt-get install nginx`; .ci/run does), or leave"
                    + " this target out with -Dit.skip.nginx");
        }
        if (nginxRecipe == null || !Files.isRegularFile(Path.of(nginxRecipe, "ticker-root.conf"))) {
            throw new ConfigurationException("The nginx recipe '" + nginxRecipe + "' has no ticker-root.conf: pass"
                    + " the path of deploy/nginx as system property ticker.it.nginxRecipe");
        }
    }

    boolean behindNginx() {
        return NGINX.equals(proxy);
    }

    /** nginx's working folder: beside the jar, so under target/ and cleaned with it. */
    Path nginxWorkDir() {
        return Path.of(jar).toAbsolutePath().resolveSibling("nginx-it");
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

    public String getProxy() {
        return proxy;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public String getNginx() {
        return nginx;
    }

    public void setNginx(String nginx) {
        this.nginx = nginx;
    }

    public String getNginxRecipe() {
        return nginxRecipe;
    }

    public void setNginxRecipe(String nginxRecipe) {
        this.nginxRecipe = nginxRecipe;
    }
}
