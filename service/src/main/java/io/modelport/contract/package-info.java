/**
 * The strict API contract: unknown fields and parameters refused with suggestions.
 */
package io.modelport.contract;
