package dev.ticker.it.servlet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How one servlet container is set up from its distribution and recipe, and how it is started. */
interface ServerLayout {

    /** Creates the server's base folder afresh from the recipe, as deploy/README.md tells an operator to. */
    void prepare() throws IOException;

    /** The command that runs the server in the foreground until SIGTERM. */
    List<String> command();

    /** What the command needs in its environment besides the test JVM's (which carries the TICKER_* settings). */
    Map<String, String> environment();

    /** The base folder; the command runs there. */
    Path base();

    /** The folder the server deploys WARs from. */
    Path webapps();
}
