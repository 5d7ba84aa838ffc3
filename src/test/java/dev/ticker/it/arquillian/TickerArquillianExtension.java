package dev.ticker.it.arquillian;

import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * Our Arquillian additions for every target: {@link DeploymentUrls} injectable with {@code @ArquillianResource}, and
 * the {@link OrphanReaper} that stops a target's server when a killed build cannot.
 */
public final class TickerArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ResourceProvider.class, DeploymentUrlsProvider.class);
        builder.observer(OrphanReaper.class);
    }
}
