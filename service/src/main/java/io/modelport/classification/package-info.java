/**
 * Image classification: the classify endpoint, its service and translator.
 */
package io.modelport.classification;
