/**
 * The Kubernetes-Job training runner ({@code modelport.training.runner=kubernetes}).
 */
package io.modelport.jobs.kubernetes;
