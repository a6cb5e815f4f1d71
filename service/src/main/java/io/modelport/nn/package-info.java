/**
 * Network architectures built in code, shared by training and by loading parameter files.
 */
package io.modelport.nn;
