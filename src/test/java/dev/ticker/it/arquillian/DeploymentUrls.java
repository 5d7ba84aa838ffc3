package dev.ticker.it.arquillian;

import java.net.URL;
import java.util.function.Function;

/**
 * The base URL of a named deployment, looked up when asked rather than when the test starts. Inject it with
 * {@code @ArquillianResource DeploymentUrls urls} and call {@link #of} after {@code Deployer.deploy(name)}: Arquillian
 * resolves {@code @ArquillianResource URL} fields and parameters before the test body runs, when a manual
 * ({@code managed = false}) deployment has no URL yet, and a redeploy may move it (the standalone target picks a
 * new port on each start).
 */
public final class DeploymentUrls {

    private final Function<String, URL> lookup;

    DeploymentUrls(Function<String, URL> lookup) {
        this.lookup = lookup;
    }

    /**
     * @param deploymentName the {@code name} of the {@code @Deployment}
     * @return its base URL, ending in "/", as the container reported it on its latest deploy
     * @throws IllegalStateException if that deployment is not deployed now
     */
    public URL of(String deploymentName) {
        return lookup.apply(deploymentName);
    }
}
