/**
 * Object detection: boxes, IoU, non-max suppression, decoding detector outputs, the
 * detect endpoint and detector training.
 */
package io.modelport.detection;
