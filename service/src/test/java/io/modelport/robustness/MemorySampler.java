package io.modelport.robustness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service process's memory: its resident set size from {@code /proc/<pid>/status}
 * (the only figure that includes DJL's native tensors), and heap, non-heap and thread
 * counts from its actuator. On request it first runs a full collection
 * ({@code jcmd <pid> GC.run}), so the heap figure is the live heap.
 *
 * @author Modelport Team
 */
final class MemorySampler {

	private static final double MIB = 1024.0 * 1024.0;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final long pid;

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	MemorySampler(long pid, String base) {
		this.pid = pid;
		this.base = base;
	}

	/**
	 * Takes one sample.
	 * @param seconds the time since the load started
	 * @param requests the requests answered so far
	 * @param errors the errors so far
	 * @param collect whether to run a full GC first
	 * @return the sample
	 */
	Sample sample(double seconds, long requests, long errors, boolean collect) {
		if (collect) {
			collect();
		}
		double heapUsed = metric("jvm.memory.used?tag=area:heap") / MIB;
		return new Sample(seconds, requests, errors, rssMiB(), heapUsed,
				metric("jvm.memory.committed?tag=area:heap") / MIB,
				metric("jvm.memory.committed?tag=area:nonheap") / MIB, metric("jvm.threads.live"),
				collect ? heapUsed : Double.NaN);
	}

	private double rssMiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// The process is gone.
		}
		return Double.NaN;
	}

	private double metric(String query) {
		try {
			HttpResponse<String> response = this.client
				.send(HttpRequest.newBuilder(URI.create(this.base + "/actuator/metrics/" + query))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			return json.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	private void collect() {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(this.pid), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			jcmd.waitFor(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// No jcmd: the heap figure is then the heap at a random point.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One sample.
	 *
	 * @param seconds since the load started
	 * @param requests answered so far
	 * @param errors errors so far
	 * @param rssMiB resident set size
	 * @param heapUsedMiB heap in use
	 * @param heapCommittedMiB heap committed
	 * @param nonHeapCommittedMiB metaspace, code cache and the like, committed
	 * @param threads live threads
	 * @param heapAfterGcMiB heap in use right after a full GC, NaN when none ran
	 */
	record Sample(double seconds, long requests, long errors, double rssMiB, double heapUsedMiB,
			double heapCommittedMiB, double nonHeapCommittedMiB, double threads, double heapAfterGcMiB) {

		static final String HEADER = "seconds,requests,errors,rss_mib,heap_used_mib,heap_committed_mib,"
				+ "nonheap_committed_mib,threads,heap_after_gc_mib,native_estimate_mib";

		/**
		 * Resident memory not accounted for by the JVM's heap and non-heap pools: native
		 * tensors, malloc arenas, thread stacks.
		 * @return MiB
		 */
		double nativeMiB() {
			return this.rssMiB - this.heapCommittedMiB - this.nonHeapCommittedMiB;
		}

		String csv() {
			return String.format(Locale.ROOT, "%.1f,%d,%d,%.1f,%.1f,%.1f,%.1f,%.0f,%s,%.1f", this.seconds,
					this.requests, this.errors, this.rssMiB, this.heapUsedMiB, this.heapCommittedMiB,
					this.nonHeapCommittedMiB, this.threads,
					Double.isNaN(this.heapAfterGcMiB) ? "" : String.format(Locale.ROOT, "%.1f", this.heapAfterGcMiB),
					nativeMiB());
		}

	}

}
