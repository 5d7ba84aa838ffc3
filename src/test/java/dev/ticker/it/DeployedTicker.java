package dev.ticker.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URL;

/**
 * The base of IT classes that test one running ticker: Arquillian deploys the built WAR to the target that
 * {@code arquillian.launch} selects before the class's first test, hands over its base URL, and undeploys it after
 * the last. Tests talk to it as clients only ({@code testable = false}).
 */
@ArquillianTest
public abstract class DeployedTicker {

    /** The ticker's base URL, ending in "/": {@code http://127.0.0.1:PORT/} standalone, {@code .../ticker/} on a server. */
    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    public static WebArchive ticker() {
        return TickerWar.built();
    }
}
