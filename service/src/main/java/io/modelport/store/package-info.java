/**
 * The model store on disk: folder layout, descriptors, checksums.
 */
package io.modelport.store;
