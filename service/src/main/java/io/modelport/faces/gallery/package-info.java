/**
 * The face gallery: enrolled identities, their embeddings per model version, and 1:K
 * identification.
 */
package io.modelport.faces.gallery;
