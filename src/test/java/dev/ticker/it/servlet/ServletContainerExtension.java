package dev.ticker.it.servlet;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

import java.util.Set;

/**
 * Registers {@link ServletContainerTarget}, but only for the Tomcat and Jetty targets: Arquillian accepts exactly one
 * {@link DeployableContainer} per run, and the other targets bring theirs.
 */
public final class ServletContainerExtension implements LoadableExtension {

    /** The qualifiers of these containers in arquillian.xml, which are also the values of their {@code kind}. */
    static final Set<String> QUALIFIERS = Set.of("tomcat", "jetty");

    @Override
    public void register(ExtensionBuilder builder) {
        if (QUALIFIERS.contains(System.getProperty("arquillian.launch"))) {
            builder.service(DeployableContainer.class, ServletContainerTarget.class);
        }
    }
}
