/**
 * Tests of the deployment files: the Kubernetes manifests.
 */
package io.modelport.deployment;
