/**
 * The web console: static pages under {@code /console} that call the REST API.
 */
package io.modelport.console;
