/**
 * Training jobs: the REST API, the job store, the worker processes and promotion.
 */
package io.modelport.jobs;
