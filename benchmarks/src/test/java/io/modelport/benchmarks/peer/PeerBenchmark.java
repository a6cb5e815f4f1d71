package io.modelport.benchmarks.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelport.benchmarks.peer.LoadGenerator.Result;
import io.modelport.benchmarks.peer.Servers.PeerConfig;

/**
 * Modelport against the FastAPI + PyTorch peer on the same TorchScript models, and
 * against the raw in-process DJL predictor. Run from the repository root
 * ({@code ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=peer}, see
 * docs/benchmarks.md). Modelport runs with its default settings for the whole run; each
 * FastAPI configuration is started in turn, and for every cell the peer and Modelport are
 * loaded one after the other by the same closed-loop generator, so both see the same
 * machine. Modelport's cell is the median of its runs, the peer's the best configuration.
 *
 * @author Modelport Team
 */
public final class PeerBenchmark {

	private PeerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(System.getProperty("peer.seconds", "10"));
		List<String> models = Arrays.asList(System.getProperty("peer.models", "cnn,resnet18").split(","));
		int[] concurrency = Arrays.stream(System.getProperty("peer.concurrency", "1,8,64").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		List<PeerConfig> configs = PeerConfig.parse(System.getProperty("peer.configs", "all"));
		int coldStarts = Integer.parseInt(System.getProperty("peer.cold-starts", "5"));
		Servers servers = servers();
		PeerModels prepared = PeerModels.prepare(Path.of("benchmarks/target/peer-models"), python());
		System.out.println("start: " + load());

		Map<String, double[]> decode = new LinkedHashMap<>();
		for (String model : models) {
			decode.put(model, DecodeTiming.measure(prepared.image(model), PeerModels.input(model),
					prepared.folder().resolve(model + ".png").toString(), python()));
		}
		Map<String, Result> raw = new LinkedHashMap<>();
		for (String model : models) {
			for (int threads : new int[] { 1, 2 }) {
				raw.put(model + "/" + threads,
						InProcess.measure(prepared.store(), model, prepared.image(model), threads, seconds));
			}
		}
		Map<String, List<Result>> ours = new LinkedHashMap<>();
		Map<String, Result> best = new LinkedHashMap<>();
		Map<String, String> bestConfig = new LinkedHashMap<>();
		Map<String, Double> ourRss = new LinkedHashMap<>();
		Map<String, Double> peerRss = new LinkedHashMap<>();
		Map<String, String> loads = new LinkedHashMap<>();
		try (ServerProcess modelport = servers.modelport(prepared.store(), "modelport")) {
			awaitServing(modelport, prepared, models, true);
			for (PeerConfig config : configs) {
				try (ServerProcess peer = servers.peer(config, prepared.peerConfig())) {
					awaitServing(peer, prepared, models, false);
					for (String model : models) {
						byte[] png = prepared.image(model);
						for (int c : concurrency) {
							String cell = model + "/" + c;
							Result theirs = cell(peer, "/classify/" + model, png, c, seconds);
							Result mine = cell(modelport, "/api/v1/models/" + model + "/classify", png, c, seconds);
							ours.computeIfAbsent(cell, (k) -> new ArrayList<>()).add(mine);
							ourRss.merge(cell, modelport.rssMiB(), Math::max);
							if (!best.containsKey(cell) || theirs.perSecond() > best.get(cell).perSecond()) {
								best.put(cell, theirs);
								bestConfig.put(cell, config.toString());
								peerRss.put(cell, peer.rssMiB());
							}
							loads.put(cell, load());
							System.out.printf(Locale.ROOT, "%s c=%d %s: peer %.1f/s, Modelport %.1f/s (%s)%n", model, c,
									config.id(), theirs.perSecond(), mine.perSecond(), loads.get(cell));
						}
					}
				}
			}
		}
		double[] coldOurs = coldStarts(servers, prepared, coldStarts, true);
		double[] coldShipped = coldStarts(servers, prepared, coldStarts, false);
		double[] coldPeer = coldPeer(servers, prepared, coldStarts);

		System.out.println();
		System.out.println("| model | concurrency | Modelport req/s | p50 ms | p99 ms | RSS MiB | best FastAPI config"
				+ " | peer req/s | p50 ms | p99 ms | RSS MiB | Modelport / peer | raw DJL req/s | Modelport / raw"
				+ " | errors | load (1, 5, 15 min) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (String cell : ours.keySet()) {
			String model = cell.substring(0, cell.indexOf('/'));
			int c = Integer.parseInt(cell.substring(cell.indexOf('/') + 1));
			Result mine = median(ours.get(cell));
			Result theirs = best.get(cell);
			Result ceiling = (c == 1) ? raw.get(model + "/1") : max(raw.get(model + "/1"), raw.get(model + "/2"));
			long errors = ours.get(cell).stream().mapToLong(Result::errors).sum() + theirs.errors();
			System.out.printf(Locale.ROOT,
					"| %s | %d | %.1f | %.2f | %.2f | %.0f | %s | %.1f | %.2f | %.2f | %.0f | %.2f | %.1f | %.2f | %d | %s |%n",
					model, c, mine.perSecond(), mine.p50(), mine.p99(), ourRss.get(cell), bestConfig.get(cell),
					theirs.perSecond(), theirs.p50(), theirs.p99(), peerRss.get(cell),
					mine.perSecond() / theirs.perSecond(), ceiling.perSecond(), mine.perSecond() / ceiling.perSecond(),
					errors, loads.get(cell));
		}
		for (String model : models) {
			System.out.printf(Locale.ROOT, "decode + preprocess, %s image: Java %.0f µs, PIL + numpy %.0f µs%n", model,
					decode.get(model)[0], decode.get(model)[1]);
		}
		for (String model : models) {
			Result one = raw.get(model + "/1");
			System.out.printf(Locale.ROOT, "raw DJL %s: 1 thread %.1f/s p50 %.2f ms; 2 threads %.1f/s%n", model,
					one.perSecond(), one.p50(), raw.get(model + "/2").perSecond());
		}
		System.out.printf(Locale.ROOT,
				"cold start to ready, median of %d: Modelport, benchmark store %.2f s %s; Modelport, shipped store"
						+ " %.2f s %s; FastAPI (1 worker) %.2f s %s%n",
				coldStarts, medianOf(coldOurs), Arrays.toString(coldOurs), medianOf(coldShipped),
				Arrays.toString(coldShipped), medianOf(coldPeer), Arrays.toString(coldPeer));
		System.out.println("end: " + load());
	}

	static Servers servers() throws java.io.IOException {
		return new Servers(Files.createDirectories(Path.of("benchmarks/target/peer-runs")), python(),
				System.getProperty("peer.jar", ""), System.getProperty("peer.service-options", ""));
	}

	static String python() {
		return System.getProperty("peer.python", "/usr/bin/python3");
	}

	/**
	 * Waits until a server answers a classification of every model.
	 * @param server the server
	 * @param prepared the models
	 * @param models the model names
	 * @param modelport whether it is Modelport (else the peer)
	 * @return the last responses, one per model
	 * @throws Exception when it does not serve in time
	 */
	static List<LoadGenerator.Response> awaitServing(ServerProcess server, PeerModels prepared, List<String> models,
			boolean modelport) throws Exception {
		server.awaitReady(modelport ? "/actuator/health/readiness" : "/ready", 300);
		List<LoadGenerator.Response> responses = new ArrayList<>();
		for (String model : models) {
			String path = modelport ? "/api/v1/models/" + model + "/classify" : "/classify/" + model;
			LoadGenerator.Response response = LoadGenerator.once(server.port(), path, "image/png",
					prepared.image(model));
			for (int tries = 0; response.status() != 200 && tries < 300; tries++) {
				Thread.sleep(100);
				response = LoadGenerator.once(server.port(), path, "image/png", prepared.image(model));
			}
			responses.add(response);
		}
		return responses;
	}

	private static Result cell(ServerProcess server, String path, byte[] png, int c, double seconds) {
		// The warm-up's requests are all waited for: abandoned, they stay queued in the
		// server (neither server cancels a request whose client left), and the measured
		// cell starts behind them; on ResNet-18 at concurrency 64 under load that backlog
		// is tens of seconds, longer than the cell.
		LoadGenerator.run(server.port(), path, "image/png", png, c, Duration.ofMillis((long) (seconds * 200)),
				Duration.ofMinutes(2));
		return LoadGenerator.run(server.port(), path, "image/png", png, c, Duration.ofMillis((long) (seconds * 1000)));
	}

	private static double[] coldStarts(Servers servers, PeerModels prepared, int runs, boolean benchmarkStore)
			throws Exception {
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			try (ServerProcess server = servers.modelport(benchmarkStore ? prepared.store() : Path.of("model-store"),
					"cold")) {
				seconds[i] = server.awaitReady("/actuator/health/readiness", 300);
			}
		}
		return seconds;
	}

	private static double[] coldPeer(Servers servers, PeerModels prepared, int runs) throws Exception {
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			try (ServerProcess server = servers.peer(new PeerConfig(1, 1, true), prepared.peerConfig())) {
				seconds[i] = server.awaitReady("/ready", 300);
			}
		}
		return seconds;
	}

	private static Result median(List<Result> results) {
		List<Result> sorted = new ArrayList<>(results);
		sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
		return sorted.get(sorted.size() / 2);
	}

	private static Result max(Result a, Result b) {
		return (a.perSecond() >= b.perSecond()) ? a : b;
	}

	private static double medianOf(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted.length == 0) ? Double.NaN : sorted[sorted.length / 2];
	}

	static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + ", " + parts[1] + ", " + parts[2];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

}
