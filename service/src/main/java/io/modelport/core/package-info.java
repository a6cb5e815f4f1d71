/**
 * The shared kernel below every feature: problem types and the exception that carries its
 * own problem detail.
 */
package io.modelport.core;
