/**
 * The example inputs the README and docs use, written by {@code modelport.jar samples}.
 */
package io.modelport.samples;
