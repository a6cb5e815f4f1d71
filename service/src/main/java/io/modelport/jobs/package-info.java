/**
 * Training jobs: the REST API, validation, admission, scheduling, publication and
 * promotion, the job store.
 */
package io.modelport.jobs;
