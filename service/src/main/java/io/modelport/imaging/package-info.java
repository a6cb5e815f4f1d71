/**
 * Image decoding with size limits, and the preprocessing that turns an image into the
 * tensor a model was trained on.
 */
package io.modelport.imaging;
