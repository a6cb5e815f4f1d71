/**
 * Benchmark harnesses, run by hand (see benchmarks/README.md), never as tests.
 */
package io.modelport.benchmarks;
