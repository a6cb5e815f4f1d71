/**
 * Tests of the deployment files: the Kubernetes manifests, and the container image the
 * Dockerfile builds, run against a Docker engine.
 */
package io.modelport.deployment;
