package dev.ticker.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WARs hold what their runtimes lack and nothing else: {@code ticker.war} only our classes and the page (an
 * application server provides every API and implementation), {@code ticker-redis.war} the same plus the Redis client,
 * {@code ticker-servlet.war} the same plus the servlet
 * containers' scheduler and the CDI, JAX-RS and JSON-P runtimes that Tomcat and Jetty lack, but never an API or
 * implementation they have (Servlet, WebSocket, Common Annotations). Runs in the {@code package} phase, after the
 * WARs are built (surefire execution {@code war-contents} in the pom).
 */
class WarContentsTest {

    /** The jars of ticker-servlet.war, by artifact name (the file name without its version). */
    private static final Set<String> SERVLET_LIBS = Set.of(
            // CDI
            "weld-servlet-core", "weld-web", "weld-environment-common", "weld-core-impl", "weld-lite-extension-translator",
            "weld-spi", "weld-api",
            "jboss-logging", "jboss-classfilewriter", "jakarta.enterprise.cdi-api", "jakarta.enterprise.cdi-el-api",
            "jakarta.enterprise.lang-model", "jakarta.interceptor-api", "jakarta.inject-api", "jakarta.el-api",
            // JAX-RS
            "jakarta.ws.rs-api", "jersey-container-servlet", "jersey-server", "jersey-common", "jersey-client",
            "jersey-hk2", "jersey-cdi1x", "jersey-media-sse", "hk2-locator", "hk2-api", "hk2-utils", "osgi-resource-locator",
            "aopalliance-repackaged", "javassist", "jakarta.validation-api", "jakarta.activation-api",
            // JSON-P
            "jakarta.json-api", "parsson");
    /** The jars of ticker-redis.war: Lettuce and what it pulls, SLF4J bound to java.util.logging. */
    private static final Set<String> REDIS_LIBS = Set.of("lettuce-core", "redis-authx-core", "reactor-core",
            "reactive-streams", "netty-common", "netty-buffer", "netty-transport", "netty-transport-native-unix-common",
            "netty-resolver", "netty-resolver-dns", "netty-codec-base", "netty-codec-dns", "netty-handler", "slf4j-api",
            "slf4j-jdk14");
    /** Packages the servlet containers bring themselves: a copy in the WAR would clash with theirs. */
    private static final List<String> CONTAINER_PACKAGES = List.of("jakarta/servlet/", "jakarta/websocket/",
            "jakarta/annotation/", "org/apache/tomcat/", "org/apache/catalina/", "org/eclipse/jetty/",
            "org/glassfish/tyrus/", "org/glassfish/grizzly/");
    private static final String CLASSES = "WEB-INF/classes/";
    private static final String SERVLET_PACKAGE = CLASSES + "dev/ticker/servlet/";

    private static Set<String> lean;
    private static Set<String> servlet;
    private static Set<String> redis;

    @BeforeAll
    static void readWars() throws IOException {
        lean = entries(Path.of(System.getProperty("ticker.war", "target/ticker.war")));
        servlet = entries(Path.of(System.getProperty("ticker.servletWar", "target/ticker-servlet.war")));
        redis = entries(Path.of(System.getProperty("ticker.redisWar", "target/ticker-redis.war")));
    }

    /**
     * Exactly the lean WAR's application, not the classes folder's: a servlet scheduler or the standalone launcher's
     * service file in it would take over from the application server's managed scheduler or endpoint creation.
     */
    @Test
    void redisWarIsTheApplicationServerWarPlusTheRedisClient() {
        assertEquals(filter(lean, name -> !name.startsWith("META-INF/")),
                filter(redis, name -> !name.startsWith("WEB-INF/lib/") && !name.startsWith("META-INF/")));
        assertEquals(new TreeSet<>(REDIS_LIBS), libraries(redis));
    }

    @Test
    void applicationServerWarHoldsOurClassesAndThePageOnly() {
        assertEquals(Set.of(), filter(lean, name -> name.startsWith("WEB-INF/lib/")), "no WEB-INF/lib at all");
        assertEquals(Set.of(), filter(lean, name -> name.startsWith(CLASSES + "dev/ticker/standalone/")
                || name.startsWith(SERVLET_PACKAGE) || name.startsWith(CLASSES + "META-INF/services/")),
                "no standalone launcher, servlet scheduler or service registration");
        assertTrue(lean.containsAll(Set.of(CLASSES + "dev/ticker/push/QuoteEndpoint.class",
                CLASSES + "dev/ticker/ee/ManagedScheduler.class",
                CLASSES + "dev/ticker/scrape/MetricsServlet.class", "WEB-INF/beans.xml", "index.html")), lean::toString);
    }

    @Test
    void servletWarHoldsTheSameApplicationPlusTheServletScheduler() {
        Set<String> application = filter(servlet, name -> !name.startsWith("WEB-INF/lib/")
                && !name.startsWith("META-INF/") && !name.startsWith(SERVLET_PACKAGE));
        assertEquals(filter(lean, name -> !name.startsWith("WEB-INF/lib/") && !name.startsWith("META-INF/")),
                application);
        assertTrue(servlet.contains(SERVLET_PACKAGE + "ServletScheduler.class"), servlet::toString);
        assertTrue(servlet.contains(SERVLET_PACKAGE + "TomcatEndpointInjection.class"), servlet::toString);
    }

    @Test
    void onlyTheServletWarCarriesTomcatsContextDescriptor() {
        assertTrue(servlet.contains("META-INF/context.xml"), "ticker-servlet.war limits Tomcat's jar scanning");
        assertFalse(lean.contains("META-INF/context.xml"), "ticker.war is the application servers' only");
    }

    /** Besides those, the application's own libraries: whatever ticker.war bundles, the servlet WAR bundles too. */
    @Test
    void servletWarBundlesExactlyWhatTomcatAndJettyLackPlusTheApplicationsLibraries() {
        Set<String> expected = new TreeSet<>(SERVLET_LIBS);
        expected.addAll(libraries(lean));
        assertEquals(expected, libraries(servlet));
    }

    private static Set<String> libraries(Set<String> war) {
        return filter(war, name -> name.startsWith("WEB-INF/lib/")).stream()
                .map(name -> name.substring("WEB-INF/lib/".length()).replaceFirst("-\\d[^-]*(-[^-]*)?\\.jar$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void servletWarBundlesNoApiOrImplementationTheContainersHave() throws IOException {
        Path war = Path.of(System.getProperty("ticker.servletWar", "target/ticker-servlet.war"));
        List<String> clashes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry jar : zip.stream().filter(entry -> entry.getName().endsWith(".jar")).toList()) {
                try (InputStream in = zip.getInputStream(jar)) {
                    nestedEntries(in).stream()
                            .filter(name -> CONTAINER_PACKAGES.stream().anyMatch(name::startsWith))
                            .findFirst()
                            .ifPresent(name -> clashes.add(jar.getName() + " holds " + name));
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void servletWarCarriesWeldsTomcatAndJettyIntegrations() throws IOException {
        Path war = Path.of(System.getProperty("ticker.servletWar", "target/ticker-servlet.war"));
        try (ZipFile zip = new ZipFile(war.toFile())) {
            ZipEntry weld = zip.stream().filter(entry -> entry.getName().matches("WEB-INF/lib/weld-servlet-core-.*\\.jar"))
                    .findFirst().orElseThrow();
            try (InputStream in = zip.getInputStream(weld)) {
                Set<String> classes = nestedEntries(in);
                assertTrue(classes.containsAll(Set.of(
                        "org/jboss/weld/environment/tomcat/WeldForwardingInstanceManager.class",
                        "org/jboss/weld/environment/jetty/JettyContainer.class",
                        "META-INF/services/jakarta.servlet.ServletContainerInitializer")), classes::toString);
            }
        }
    }

    private static Set<String> entries(Path archive) throws IOException {
        assertTrue(Files.isRegularFile(archive), archive + " is missing: this test runs after `mvn package` built it");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(name -> !name.endsWith("/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> nestedEntries(InputStream jar) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream nested = new ZipInputStream(jar)) {
            for (ZipEntry entry; (entry = nested.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Set<String> filter(Set<String> names, Predicate<String> keep) {
        return names.stream().filter(keep).collect(Collectors.toCollection(TreeSet::new));
    }
}
