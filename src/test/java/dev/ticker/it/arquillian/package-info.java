/**
 * Arquillian plumbing shared by every target: the lookup of a manual deployment's URL, which Arquillian's own
 * {@code @ArquillianResource URL} cannot give (it resolves before the test body deploys anything). Imports the
 * Arquillian SPIs and the JDK only.
 */
package dev.ticker.it.arquillian;
