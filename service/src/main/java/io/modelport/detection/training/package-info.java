/**
 * Detector training data and training: synthetic scenes and user data sets in YOLO and
 * COCO format.
 */
package io.modelport.detection.training;
