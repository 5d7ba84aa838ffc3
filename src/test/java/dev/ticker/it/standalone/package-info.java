/**
 * The standalone integration-test targets as an Arquillian container of our own: "deploying" starts the built
 * {@code ticker-standalone.jar} on a free port and undeploying stops it with SIGTERM, so the same {@code *IT} classes
 * that deploy the WAR to an application server test the runnable jar; with {@code proxy=nginx} Debian's nginx, run
 * with the files in {@code deploy/nginx}, stands in front of it. Registered only when {@code arquillian.launch} is
 * {@code standalone} or {@code standalone-nginx}. Also the tests of the other recipes for the jar that need no
 * Arquillian: the systemd unit in {@code deploy/standalone} and the nginx site files. Imports the Arquillian SPIs,
 * JUnit, JSON-P and the JDK; nothing from {@code src/main}.
 */
package dev.ticker.it.standalone;
