/**
 * The training worker JVM's entry: reads a job's spec and runs the task's training
 * plug-in.
 */
package io.modelport.jobs.worker;
