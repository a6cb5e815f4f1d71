package io.modelport.benchmarks.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.modelport.benchmarks.peer.Servers.PeerConfig;

/**
 * Cold start: process start to the first {@code 200} from the readiness path, median of
 * {@code cold.runs} starts, for Modelport's packaged jar on the shipped store (every
 * model in it is required, so readiness waits for all of them) and on the peer
 * benchmark's two-model store, with and without the class-data sharing archive that
 * {@code scripts/cds-archive.sh} writes, next to the FastAPI + PyTorch peer serving the
 * same two models ({@code cold.variants} picks among {@code jar-shipped},
 * {@code jar-peer}, {@code cds-shipped}, {@code cds-peer} and {@code fastapi}). Runs
 * alternate between the variants, so a change of the machine's load hits all of them. Run
 * from the repository root
 * ({@code ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=cold-start}, see
 * docs/benchmarks.md).
 *
 * @author Modelport Team
 */
public final class ColdStartBenchmark {

	private ColdStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.parseInt(System.getProperty("cold.runs", "5"));
		Path jar = Path.of(System.getProperty("cold.jar", "service/target/modelport.jar"));
		Path cds = Path.of(System.getProperty("cold.cds", "service/target/cds"));
		String options = System.getProperty("cold.service-options", "");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: ./mvnw -q -pl oip-grpc,service package -DskipTests");
		}
		PeerModels prepared = PeerModels.prepare(Path.of("benchmarks/target/peer-models"), PeerBenchmark.python());
		Path work = Files.createDirectories(Path.of("benchmarks/target/cold-runs"));
		List<String> wanted = Arrays.asList(
				System.getProperty("cold.variants", "jar-shipped,jar-peer,cds-shipped,cds-peer,fastapi").split(","));
		List<Variant> variants = new ArrayList<>();
		Servers plain = new Servers(work, PeerBenchmark.python(), jar.toString(), options);
		variants.add(new Variant("jar-shipped", "Modelport jar, shipped store (7 required models)", plain,
				Path.of("model-store")));
		variants.add(new Variant("jar-peer", "Modelport jar, peer store (cnn, resnet18)", plain, prepared.store()));
		Path archive = cds.resolve("modelport.jsa");
		if (Files.isRegularFile(archive)) {
			Servers shared = new Servers(work, PeerBenchmark.python(), cds.resolve("modelport.jar").toString(),
					("-XX:SharedArchiveFile=" + archive + " " + options).trim());
			variants
				.add(new Variant("cds-shipped", "Modelport + AppCDS, shipped store", shared, Path.of("model-store")));
			variants.add(new Variant("cds-peer", "Modelport + AppCDS, peer store", shared, prepared.store()));
		}
		else {
			System.out.println("no " + archive + " (scripts/cds-archive.sh writes it): AppCDS rows skipped");
		}
		variants.add(new Variant("fastapi", "FastAPI + PyTorch, 1 worker (cnn, resnet18)", plain, null));
		variants.removeIf((variant) -> !wanted.contains(variant.id));

		String before = PeerBenchmark.load();
		System.out.println("load at the start: " + before);
		for (int run = 0; run < runs; run++) {
			for (Variant variant : variants) {
				double seconds = variant.start(prepared);
				variant.seconds.add(seconds);
				System.out.printf(Locale.ROOT, "run %d, %s: %.2f s (load %s)%n", run + 1, variant.name, seconds,
						PeerBenchmark.load());
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Cold start to ready, median of %d (load at the start %s, at the end %s):%n",
				runs, before, PeerBenchmark.load());
		System.out.println();
		System.out.println("| server | median s | runs s |");
		System.out.println("|---|---|---|");
		for (Variant variant : variants) {
			double[] values = variant.seconds.stream().mapToDouble(Double::doubleValue).toArray();
			System.out.printf(Locale.ROOT, "| %s | %.2f | %s |%n", variant.name, median(values), list(values));
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted.length == 0) ? Double.NaN : sorted[sorted.length / 2];
	}

	private static String list(double[] values) {
		List<String> parts = new ArrayList<>();
		for (double value : values) {
			parts.add(String.format(Locale.ROOT, "%.2f", value));
		}
		return String.join(", ", parts);
	}

	private static final class Variant {

		private final String id;

		private final String name;

		private final Servers servers;

		// null for the peer
		private final Path store;

		private final List<Double> seconds = new ArrayList<>();

		Variant(String id, String name, Servers servers, Path store) {
			this.id = id;
			this.name = name;
			this.servers = servers;
			this.store = store;
		}

		double start(PeerModels prepared) throws Exception {
			if (this.store == null) {
				try (ServerProcess server = this.servers.peer(new PeerConfig(1, 1, true), prepared.peerConfig())) {
					return server.awaitReady("/ready", 300);
				}
			}
			try (ServerProcess server = this.servers.modelport(this.store, "cold")) {
				return server.awaitReady("/actuator/health/readiness", 300);
			}
		}

	}

}
