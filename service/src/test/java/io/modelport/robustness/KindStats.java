package io.modelport.robustness;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcomes and latencies of one kind of request in a soak run.
 *
 * @author Modelport Team
 */
final class KindStats {

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private long[] nanos = new long[1024];

	private int count;

	void record(String outcome, long latencyNanos) {
		this.outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
		synchronized (this) {
			if (this.count == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
			}
			this.nanos[this.count++] = latencyNanos;
		}
	}

	/**
	 * Requests by status, or by exception for those without an answer.
	 * @return the counts
	 */
	Map<String, Long> outcomes() {
		Map<String, Long> counts = new TreeMap<>();
		this.outcomes.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
		return counts;
	}

	synchronized long requests() {
		return this.count;
	}

	/**
	 * A latency percentile.
	 * @param percentile from 0 to 100
	 * @return milliseconds
	 */
	synchronized double percentileMillis(double percentile) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
