package io.modelport.benchmarks.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the two servers of the peer benchmark: Modelport (its packaged jar when there is
 * one, else this JVM's class path) and the FastAPI peer in one configuration.
 *
 * @author Modelport Team
 */
final class Servers {

	private final Path work;

	private final String python;

	private final String jar;

	private final List<String> serviceOptions;

	Servers(Path work, String python, String jar, String serviceOptions) {
		this.work = work;
		this.python = python;
		this.jar = jar;
		this.serviceOptions = serviceOptions.isBlank() ? List.of() : Arrays.asList(serviceOptions.trim().split("\\s+"));
	}

	/**
	 * Starts Modelport on a free port.
	 * @param store the model store it serves
	 * @param label a name for its log and data folders
	 * @return the process
	 * @throws IOException when its folders cannot be made
	 */
	ServerProcess modelport(Path store, String label) throws IOException {
		Path data = Files.createDirectories(this.work.resolve(label + "-" + System.nanoTime())).toAbsolutePath();
		int port = ServerProcess.freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.serviceOptions);
		command.add("-Dai.djl.offline=true");
		// "classpath" runs the classes of this build even when an older jar lies in
		// target/.
		Path packaged = Path.of(this.jar.isBlank() ? "service/target/modelport.jar" : this.jar);
		if (!this.jar.equals("classpath") && Files.isRegularFile(packaged)) {
			command.addAll(List.of("-jar", packaged.toString()));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.modelport.ModelportApplication"));
		}
		// gRPC on a free port too: its production default, 8081, may be taken.
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--modelport.grpc.port=0",
				"--modelport.store.location=" + store.toAbsolutePath(),
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/modelport")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--modelport.training.work-dir=" + data.resolve("jobs"),
				"--modelport.datasets.location=" + data.resolve("datasets")));
		return ServerProcess.start("Modelport", command, Map.of(), port, data.resolve("modelport.log"));
	}

	/**
	 * Starts the FastAPI peer on a free port.
	 * @param config the configuration
	 * @param peerConfig the models' JSON
	 * @return the process
	 * @throws IOException when its folder cannot be made
	 */
	ServerProcess peer(PeerConfig config, Path peerConfig) throws IOException {
		Path data = Files.createDirectories(this.work.resolve("peer-" + config.id() + "-" + System.nanoTime()));
		int port = ServerProcess.freePort();
		List<String> command = List.of(this.python, "-m", "uvicorn", "peer_server:app", "--app-dir", "benchmarks/peer",
				"--host", "127.0.0.1", "--port", Integer.toString(port), "--workers",
				Integer.toString(config.workers()), "--log-level", "warning", "--no-access-log");
		Map<String, String> environment = Map.of("PEER_CONFIG", peerConfig.toAbsolutePath().toString(), "PEER_THREADS",
				Integer.toString(config.threads()), "PEER_MODE", config.inline() ? "inline" : "pool", "OMP_NUM_THREADS",
				Integer.toString(config.threads()));
		return ServerProcess.start("FastAPI " + config, command, environment, port, data.resolve("peer.log"));
	}

	/**
	 * One FastAPI configuration.
	 *
	 * @param workers uvicorn worker processes
	 * @param threads torch intra-op threads
	 * @param inline inference in the event loop, else in the thread pool
	 */
	record PeerConfig(int workers, int threads, boolean inline) {

		static List<PeerConfig> parse(String spec) {
			List<PeerConfig> configs = new ArrayList<>();
			if (spec.equals("all")) {
				for (int workers : new int[] { 1, 2 }) {
					for (int threads : new int[] { 1, 2 }) {
						configs.add(new PeerConfig(workers, threads, true));
						configs.add(new PeerConfig(workers, threads, false));
					}
				}
				return configs;
			}
			for (String id : spec.split(",")) {
				// w<workers>t<threads><i|p>, e.g. w2t1i
				configs.add(new PeerConfig(id.charAt(1) - '0', id.charAt(3) - '0', id.charAt(4) == 'i'));
			}
			return configs;
		}

		String id() {
			return "w" + this.workers + "t" + this.threads + (this.inline ? "i" : "p");
		}

		@Override
		public String toString() {
			return this.workers + " worker(s), " + this.threads + " thread(s), " + (this.inline ? "inline" : "pool");
		}

	}

}
