/**
 * The {@code modelport} command line, built on the Java client.
 */
package io.modelport.cli;
