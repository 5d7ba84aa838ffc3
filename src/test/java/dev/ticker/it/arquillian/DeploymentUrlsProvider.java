package dev.ticker.it.arquillian;

import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentTargetDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.DeploymentContext;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Collection;

/**
 * Provides {@link DeploymentUrls}. A lookup finds the deployment in the test class's scenario, enters its deployment
 * context (where the container's deploy left its {@link ProtocolMetaData}) and reads the HTTP context from there,
 * the way Arquillian's own URL provider does for {@code @OperateOnDeployment}, only later.
 */
public final class DeploymentUrlsProvider implements ResourceProvider {

    @Inject
    private Instance<DeploymentScenario> scenario;

    @Inject
    private Instance<DeploymentContext> deploymentContext;

    @Inject
    private Instance<ProtocolMetaData> metaData;

    @Override
    public boolean canProvide(Class<?> type) {
        return type == DeploymentUrls.class;
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        return new DeploymentUrls(this::urlOf);
    }

    private URL urlOf(String deploymentName) {
        DeploymentScenario deployments = scenario.get();
        if (deployments == null) {
            throw new IllegalStateException("No deployment scenario: look URLs up from a running test");
        }
        Deployment deployment = deployments.deployment(new DeploymentTargetDescription(deploymentName));
        if (deployment == null || !deployment.isDeployed()) {
            throw new IllegalStateException("Deployment '" + deploymentName + "' is not deployed");
        }
        DeploymentContext context = deploymentContext.get();
        context.activate(deployment);
        try {
            return baseUrl(deploymentName, metaData.get());
        } finally {
            context.deactivate();
        }
    }

    private static URL baseUrl(String deploymentName, ProtocolMetaData protocol) {
        if (protocol == null || !protocol.hasContext(HTTPContext.class)) {
            throw new IllegalStateException("The container reported no HTTP context for '" + deploymentName + "'");
        }
        HTTPContext http = protocol.getContexts(HTTPContext.class).iterator().next();
        Collection<Servlet> servlets = http.getServlets();
        URI base = servlets.isEmpty()
                ? URI.create(http.getScheme() + "://" + http.getHost() + ":" + http.getPort() + "/")
                : servlets.iterator().next().getBaseURI();
        try {
            return base.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Unusable URL " + base + " for '" + deploymentName + "'", e);
        }
    }
}
