package io.modelport.robustness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import io.modelport.robustness.MemorySampler.Sample;

/**
 * The verdict and tables of a soak run. Memory growth is the slope of a least-squares
 * line through (requests answered, MiB) over the samples of the second half of the run,
 * so start-up and warm-up (JIT, allocator arenas, pools filling) do not count.
 *
 * @author Modelport Team
 */
final class SoakReport {

	private static final Map<String, String> DELIBERATE = Map.of("bad-image", "400", "unknown-word", "404");

	private final SoakRun.Settings settings;

	private final List<Sample> samples;

	private final List<Sample> secondHalf;

	private final Map<String, KindStats> stats;

	private final double seconds;

	SoakReport(SoakRun.Settings settings, List<Sample> samples, Map<String, KindStats> stats, double seconds) {
		this.settings = settings;
		this.samples = samples;
		this.secondHalf = samples.stream().filter((sample) -> sample.seconds() >= seconds / 2).toList();
		this.stats = new TreeMap<>(stats);
		this.seconds = seconds;
	}

	long requests() {
		return last().requests();
	}

	long errors() {
		return last().errors();
	}

	/**
	 * RSS growth per 10,000 requests over the second half.
	 * @return MiB, NaN with fewer than three samples
	 */
	double rssGrowth() {
		return slopePer10k(Sample::rssMiB);
	}

	boolean passed() {
		double growth = rssGrowth();
		return errors() == 0 && (Double.isNaN(growth) || growth <= this.settings.thresholdMiB());
	}

	void print(PrintStream out, List<String> firstErrors) {
		Sample first = this.samples.get(0);
		Sample warm = this.secondHalf.isEmpty() ? first : this.secondHalf.get(0);
		Sample last = last();
		long deliberate = 0;
		long asExpected = 0;
		for (Map.Entry<String, String> kind : DELIBERATE.entrySet()) {
			KindStats kindStats = this.stats.get(kind.getKey());
			if (kindStats != null) {
				deliberate += kindStats.requests();
				asExpected += kindStats.outcomes().getOrDefault(kind.getValue(), 0L);
			}
		}
		out.println();
		out.println("| soak | result |");
		out.println("|---|---|");
		row(out, "mix, concurrency, load time", String.format(Locale.ROOT, "%s, %d clients, %.1f min",
				this.settings.mix(), this.settings.concurrency(), this.seconds / 60));
		row(out, "requests (throughput)",
				String.format(Locale.ROOT, "%,d (%.0f/s)", requests(), requests() / this.seconds));
		row(out, "errors (any answer but the expected one)", Long.toString(errors()));
		row(out, "deliberate bad requests (broken image, unknown word): answered 400/404 as expected",
				asExpected + " of " + deliberate);
		row(out, "RSS before load / at half time / end / max", String.format(Locale.ROOT,
				"%.0f / %.0f / %.0f / %.0f MiB", first.rssMiB(), warm.rssMiB(), last.rssMiB(), max(Sample::rssMiB)));
		row(out, "RSS growth per 10k requests (fit, 2nd half)",
				String.format(Locale.ROOT, "%.2f MiB (threshold %.2f)", rssGrowth(), this.settings.thresholdMiB()));
		row(out, "native estimate (RSS - heap - non-heap committed): half time / end, growth per 10k",
				String.format(Locale.ROOT, "%.0f / %.0f MiB, %.2f MiB", warm.nativeMiB(), last.nativeMiB(),
						slopePer10k(Sample::nativeMiB)));
		row(out, "non-heap committed: half time / end",
				String.format(Locale.ROOT, "%.0f / %.0f MiB", warm.nonHeapCommittedMiB(), last.nonHeapCommittedMiB()));
		row(out, "heap after full GC: before load / first in 2nd half / end", String.format(Locale.ROOT,
				"%.0f / %.0f / %.0f MiB", first.heapAfterGcMiB(), firstAfterGc(), last.heapAfterGcMiB()));
		row(out, "live threads: before load / end",
				String.format(Locale.ROOT, "%.0f / %.0f", first.threads(), last.threads()));
		row(out, "verdict", passed() ? "PASS" : "FAIL");
		out.println();
		out.println("| request | count | outcomes | p50 ms | p99 ms |");
		out.println("|---|---|---|---|---|");
		this.stats.forEach((kind, kindStats) -> out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %.1f |%n", kind,
				kindStats.requests(), kindStats.outcomes(), kindStats.percentileMillis(50),
				kindStats.percentileMillis(99)));
		if (!firstErrors.isEmpty()) {
			out.println();
			out.println("First errors:");
			firstErrors.forEach((error) -> out.println("  " + error));
		}
	}

	private double firstAfterGc() {
		return this.secondHalf.stream()
			.mapToDouble(Sample::heapAfterGcMiB)
			.filter((value) -> !Double.isNaN(value))
			.findFirst()
			.orElse(Double.NaN);
	}

	private double max(ToDoubleFunction<Sample> value) {
		return this.samples.stream().mapToDouble(value).filter((v) -> !Double.isNaN(v)).max().orElse(Double.NaN);
	}

	private double slopePer10k(ToDoubleFunction<Sample> value) {
		List<Sample> points = this.secondHalf.stream()
			.filter((sample) -> !Double.isNaN(value.applyAsDouble(sample)))
			.toList();
		if (points.size() < 3) {
			return Double.NaN;
		}
		double meanX = points.stream().mapToDouble(Sample::requests).average().orElseThrow();
		double meanY = points.stream().mapToDouble(value).average().orElseThrow();
		double covariance = 0;
		double variance = 0;
		for (Sample point : points) {
			double dx = point.requests() - meanX;
			covariance += dx * (value.applyAsDouble(point) - meanY);
			variance += dx * dx;
		}
		return (variance == 0) ? Double.NaN : covariance / variance * 10_000;
	}

	private Sample last() {
		return this.samples.get(this.samples.size() - 1);
	}

	private static void row(PrintStream out, String name, String value) {
		out.println("| " + name + " | " + value + " |");
	}

}
