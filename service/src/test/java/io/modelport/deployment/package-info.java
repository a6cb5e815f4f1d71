/**
 * Tests of the container image the Dockerfile builds, run against a Docker engine.
 */
package io.modelport.deployment;
