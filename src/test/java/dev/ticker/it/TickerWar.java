package dev.ticker.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR the build produced, as every deployment in the suite uses it: the tests deploy what we ship, never an
 * archive assembled for the test. Its file name, {@code ticker.war}, gives the context root {@code /ticker}.
 */
public final class TickerWar {

    static final String PATH_PROPERTY = "ticker.it.war";

    private TickerWar() {
    }

    public static WebArchive built() {
        String path = System.getProperty(PATH_PROPERTY);
        if (path == null) {
            throw new IllegalStateException("System property " + PATH_PROPERTY + " is not set: run the ITs with"
                    + " `mvn verify`, which passes the path of the built WAR");
        }
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: build it with `mvn package`");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
