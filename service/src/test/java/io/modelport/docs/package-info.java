/**
 * Checks of the repository's Markdown documentation.
 */
package io.modelport.docs;
