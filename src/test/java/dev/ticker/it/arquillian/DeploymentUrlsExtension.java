package dev.ticker.it.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * Makes {@link DeploymentUrls} injectable with {@code @ArquillianResource}, on every target.
 */
public final class DeploymentUrlsExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ResourceProvider.class, DeploymentUrlsProvider.class);
    }
}
