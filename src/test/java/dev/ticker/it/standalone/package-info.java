/**
 * The standalone integration-test targets as an Arquillian container of our own: "deploying" starts the built
 * {@code ticker-standalone.jar} on a free port and undeploying stops it with SIGTERM, so the same {@code *IT} classes
 * that deploy the WAR to an application server test the runnable jar; with {@code proxy=nginx} Debian's nginx, run
 * with the files in {@code deploy/nginx}, stands in front of it. Registered only when {@code arquillian.launch} is
 * {@code standalone} or {@code standalone-nginx}. Also the check of the nginx site files, which needs no Arquillian.
 * Imports the Arquillian SPIs, JUnit and the JDK; nothing from {@code src/main}.
 */
package dev.ticker.it.standalone;
