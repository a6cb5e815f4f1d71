package io.modelport.oip.grpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A client Modelport did not write: Python stubs generated from
 * {@code grpc_predict_v2.proto} by Debian's python3-grpc-tools, called through
 * python3-grpcio ({@code src/test/python/oip_grpc_client.py}). Skipped where those
 * packages are missing, unless {@code -Dmodelport.python-grpc.required=true} (CI).
 *
 * @author Modelport Team
 */
@SlowTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "modelport.grpc.port=0")
class PythonGrpcClientTests {

	// Debian's interpreter, where apt puts grpcio, not whatever python3 is first on the
	// PATH.
	private static final String PYTHON = "/usr/bin/python3";

	private static final Path STORE = Fixtures.tinyModelStore("modelport-grpc-python");

	@LocalServerPort
	private int httpPort;

	@Autowired
	private GrpcServer server;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("modelport.store.location", STORE::toString);
	}

	@Test
	void pythonStubsFromTheProtoTalkToTheServer() throws Exception {
		requirePythonGrpc();
		LocalHttp http = LocalHttp.ready(this.httpPort);
		Path repository = Path.of(System.getProperty("modelport.repository", ".."));
		JsonNode seen = run(repository.resolve("service/src/test/python/oip_grpc_client.py").toString(),
				repository.resolve("oip-grpc/src/main/proto").toString(), "127.0.0.1:" + this.server.port(),
				"tiny-fashion");
		assertThat(seen.get("live").asBoolean()).isTrue();
		assertThat(seen.get("server").asString()).isEqualTo("modelport");
		assertThat(seen.get("inputs").get(0).toString())
			.isEqualTo("{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,1,28,28]}");
		assertThat(seen.get("outputs").get(1).get("name").asString()).isEqualTo("label");
		assertThat(seen.get("id").asString()).isEqualTo("py-1");
		assertThat(seen.get("version").asString()).isEqualTo("1");
		List<Float> ramp = new ArrayList<>();
		for (int i = 0; i < 784; i++) {
			ramp.add(i / 783.0f);
		}
		JsonNode rest = LocalHttp.read(http.post("/v2/models/tiny-fashion/infer", MediaType.APPLICATION_JSON,
				"{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,1,28,28],\"data\":" + ramp
						+ "}]}"));
		JsonNode probabilities = seen.get("infer").get("probabilities");
		assertThat(probabilities.size()).isEqualTo(10);
		for (int i = 0; i < 10; i++) {
			assertThat(probabilities.get(i).asDouble())
				.isCloseTo(rest.get("outputs").get(0).get("data").get(i).asDouble(), within(1e-6));
		}
		assertThat(seen.get("infer").get("label").get(0).asString())
			.isEqualTo(rest.get("outputs").get(1).get("data").get(0).asString());
		assertThat(seen.get("unknown_model").get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(seen.get("unknown_model").get("details").asString()).contains("no-such-model");
		assertThat(seen.get("short_raw").get("code").asString()).isEqualTo("INVALID_ARGUMENT");
		assertThat(seen.get("short_raw").get("details").asString()).contains("hold 2800 bytes");
		assertThat(seen.get("malformed").get("code").asString()).isEqualTo("INVALID_ARGUMENT");
	}

	private static JsonNode run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PYTHON));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("oip-python", ".out");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		boolean finished = process.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Files.deleteIfExists(output);
		assertThat(finished).as("the Python client finished").isTrue();
		assertThat(process.exitValue()).as(text).isZero();
		String last = text.strip().lines().reduce((first, second) -> second).orElse("");
		return JsonMapper.builder().build().readTree(last);
	}

	private static void requirePythonGrpc() throws IOException, InterruptedException {
		boolean present = false;
		if (Files.isExecutable(Path.of(PYTHON))) {
			Process probe = new ProcessBuilder(PYTHON, "-c", "import grpc, grpc_tools, google.protobuf")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			present = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
		}
		if (!present && !Boolean.getBoolean("modelport.python-grpc.required")) {
			Assumptions.abort("python3-grpcio and python3-grpc-tools are not installed; skipping");
		}
		assertThat(present).as("python3-grpcio, python3-grpc-tools (-Dmodelport.python-grpc.required=true)").isTrue();
	}

}
