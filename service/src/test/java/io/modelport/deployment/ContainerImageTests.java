package io.modelport.deployment;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

import io.modelport.Fixtures;
import io.modelport.LocalHttp;
import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the image built from the Dockerfile as a user would: the baked-in model store
 * serves the shipped Fashion-MNIST classifier, metrics and probes answer, the process
 * runs as a non-root user with jemalloc and exit-on-OOM, Docker's HEALTHCHECK turns
 * healthy, and {@code docker stop} ends it through Spring's graceful shutdown (the JVM
 * exits on SIGTERM by itself, well inside the grace period, instead of being killed). The
 * only published port is bound to 127.0.0.1.
 *
 * @author Modelport Team
 */
@SlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageTests {

	private static final int PORT = 8080;

	private static final int STOP_GRACE_SECONDS = 45;

	private GenericContainer<?> container;

	private LocalHttp http;

	@BeforeAll
	void start() {
		this.container = new GenericContainer<>(DockerImageName.parse(DockerEnvironment.assumeImage()))
			.withExposedPorts(PORT)
			.withCreateContainerCmdModifier((create) -> create.getHostConfig()
				.withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT))))
			.waitingFor(
					Wait.forHttp("/actuator/health/readiness").forPort(PORT).withStartupTimeout(Duration.ofMinutes(4)));
		this.container.start();
		this.http = LocalHttp.ready(this.container.getMappedPort(PORT));
	}

	@AfterAll
	void remove() {
		if (this.container != null) {
			this.container.stop();
		}
	}

	@Test
	@Order(1)
	void portIsPublishedOnLoopbackOnly() {
		Ports.Binding[] bindings = inspect().getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(PORT));
		assertThat(bindings).isNotEmpty()
			.allSatisfy((binding) -> assertThat(binding.getHostIp()).isEqualTo("127.0.0.1"));
	}

	@Test
	@Order(2)
	void classifiesAnImageWithTheShippedModel() {
		ResponseEntity<String> response = this.http.post("/api/v1/models/fashion-mnist/classify",
				MediaType.MULTIPART_FORM_DATA, LocalHttp.file("image", Fixtures.image("trouser.png"), "trouser.png"));
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		JsonNode body = LocalHttp.read(response);
		assertThat(body.get("model").asString()).isEqualTo("fashion-mnist");
		assertThat(body.get("predictions").get(0).get("label").asString()).isEqualTo("Trouser");
	}

	@Test
	@Order(3)
	void reportsReadinessAndModelportMetrics() {
		assertThat(this.http.get("/actuator/health/readiness").getBody()).contains("\"status\":\"UP\"");
		String scrape = this.http.get("/actuator/prometheus").getBody();
		assertThat(scrape).contains("modelport_model_versions{")
			.containsPattern(
					"modelport_inference_seconds_count\\{[^}]*model=\"fashion-mnist\"[^}]*outcome=\"success\"");
	}

	@Test
	@Order(4)
	void runsAsNonRootWithJemallocAndExitOnOutOfMemory() throws Exception {
		assertThat(inspect().getConfig().getUser()).isEqualTo("10001:10001");
		assertThat(exec("id -u")).isEqualTo("10001");
		// The JVM process (tini is PID 1) has jemalloc mapped, through LD_PRELOAD.
		assertThat(exec("for p in /proc/[0-9]*; do case \"$(readlink $p/exe)\" in */java) "
				+ "grep -q libjemalloc $p/maps && echo jemalloc;; esac; done"))
			.isEqualTo("jemalloc");
		assertThat(this.container.getLogs()).contains("Picked up JAVA_TOOL_OPTIONS: -XX:+ExitOnOutOfMemoryError");
		// DJL extracted the libtorch natives into its cache, so that folder is writable.
		assertThat(exec("ls /var/cache/modelport/djl")).contains("pytorch");
	}

	@Test
	@Order(5)
	void dockerHealthCheckTurnsHealthy() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "healthy".equals(inspect().getState().getHealth().getStatus()));
	}

	@Test
	@Order(6)
	void dockerStopShutsDownGracefullyWithinTheGracePeriod() {
		DockerClient docker = this.container.getDockerClient();
		long started = System.nanoTime();
		docker.stopContainerCmd(this.container.getContainerId()).withTimeout(STOP_GRACE_SECONDS).exec();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		InspectContainerResponse.ContainerState state = inspect().getState();
		String logs = this.container.getLogs();
		assertThat(took).as(logs).isLessThan(Duration.ofSeconds(STOP_GRACE_SECONDS / 2));
		// 143 = the JVM exiting on SIGTERM after its shutdown hooks; 137 would be
		// SIGKILL.
		assertThat(state.getExitCodeLong()).as(logs).isEqualTo(143L);
		assertThat(state.getOOMKilled()).isFalse();
		assertThat(logs).contains("Commencing graceful shutdown", "Graceful shutdown complete");
	}

	private InspectContainerResponse inspect() {
		return this.container.getDockerClient().inspectContainerCmd(this.container.getContainerId()).exec();
	}

	private String exec(String script) throws Exception {
		ExecResult result = this.container.execInContainer("sh", "-c", script);
		assertThat(result.getExitCode()).as(result.getStderr()).isZero();
		return result.getStdout().strip();
	}

}
