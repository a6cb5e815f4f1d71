package io.modelport.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.modelport.benchmarks.peer.Servers.PeerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The peer benchmark's smoke run: both servers start on the exported models and answer
 * one classification of each model with the same top class. The timed run is a command,
 * not a test.
 *
 * @author Modelport Team
 */
class PeerSmokeTests {

	@Test
	void bothServersAnswerTheSameClassOnBothModels() throws Exception {
		boolean python = pythonHasThePeer();
		if (!Boolean.getBoolean("modelport.peer.required")) {
			assumeThat(python).as("python3 with fastapi, uvicorn, torch and PIL").isTrue();
		}
		assertThat(python)
			.as("python3 with fastapi, uvicorn, torch and PIL (apt-get install python3-fastapi"
					+ " python3-uvicorn python3-torch python3-pil)")
			.isTrue();
		PeerModels prepared = PeerModels.prepare(Path.of("benchmarks/target/peer-models-smoke"),
				PeerBenchmark.python());
		Servers servers = PeerBenchmark.servers();
		try (ServerProcess modelport = servers.modelport(prepared.store(), "smoke");
				ServerProcess peer = servers.peer(new PeerConfig(1, 1, true), prepared.peerConfig())) {
			List<LoadGenerator.Response> ours = PeerBenchmark.awaitServing(modelport, prepared, PeerModels.NAMES, true);
			List<LoadGenerator.Response> theirs = PeerBenchmark.awaitServing(peer, prepared, PeerModels.NAMES, false);
			for (int i = 0; i < PeerModels.NAMES.size(); i++) {
				assertThat(ours.get(i).status()).as(modelport.tail()).isEqualTo(200);
				assertThat(theirs.get(i).status()).as(peer.tail()).isEqualTo(200);
				assertThat(topLabel(ours.get(i).body())).isEqualTo(topLabel(theirs.get(i).body()));
			}
			// The small CNN carries the shipped fashion-mnist weights: the bag image is a
			// bag.
			assertThat(topLabel(ours.get(0).body())).isEqualTo("Bag");
		}
	}

	private static String topLabel(String json) {
		int at = json.indexOf("\"label\"");
		assertThat(at).as(json).isPositive();
		int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
		return json.substring(start, json.indexOf('"', start));
	}

	private static boolean pythonHasThePeer() {
		try {
			Process check = new ProcessBuilder(PeerBenchmark.python(), "-c", "import fastapi, uvicorn, torch, PIL")
				.redirectErrorStream(true)
				.start();
			return check.waitFor(120, TimeUnit.SECONDS) && check.exitValue() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
