/**
 * A Java client for Modelport: typed task, management, data set and training-job calls
 * and the Open Inference Protocol v2.
 */
package io.modelport.client;
