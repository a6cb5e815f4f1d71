/**
 * Finding faces in photos: face-api's tiny face detector, its input and its decoding.
 */
package io.modelport.faces.detection;
