/**
 * Face alignment: 68 landmarks, a least-squares similarity to a canonical template, a
 * face chip.
 */
package io.modelport.faces.alignment;
