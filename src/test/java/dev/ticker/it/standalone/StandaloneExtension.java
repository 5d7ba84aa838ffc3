package dev.ticker.it.standalone;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

import java.util.Set;

/**
 * Registers the standalone container, but only for the standalone targets (the jar alone, the jar behind nginx):
 * Arquillian accepts exactly one {@link DeployableContainer} per run, and the other targets bring their server's
 * adapter.
 */
public final class StandaloneExtension implements LoadableExtension {

    static final String LAUNCH_PROPERTY = "arquillian.launch";
    /** The qualifiers of our containers in arquillian.xml. */
    static final Set<String> QUALIFIERS = Set.of("standalone", "standalone-nginx");

    @Override
    public void register(ExtensionBuilder builder) {
        if (QUALIFIERS.contains(System.getProperty(LAUNCH_PROPERTY))) {
            builder.service(DeployableContainer.class, StandaloneContainer.class);
        }
    }
}
