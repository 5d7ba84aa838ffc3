package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the standalone container, but only for the standalone target: Arquillian accepts exactly one
 * {@link DeployableContainer} per run, and the other targets bring their server's adapter.
 */
public final class StandaloneExtension implements LoadableExtension {

    static final String LAUNCH_PROPERTY = "arquillian.launch";
    static final String QUALIFIER = "standalone";

    @Override
    public void register(ExtensionBuilder builder) {
        if (QUALIFIER.equals(System.getProperty(LAUNCH_PROPERTY))) {
            builder.service(DeployableContainer.class, StandaloneContainer.class);
        }
    }
}
