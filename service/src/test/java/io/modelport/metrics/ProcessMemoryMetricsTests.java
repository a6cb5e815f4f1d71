package io.modelport.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the resident set size from a Linux status file.
 *
 * @author Modelport Team
 */
class ProcessMemoryMetricsTests {

	@Test
	void readsVmRssInKilobytes(@TempDir Path dir) throws IOException {
		Path status = dir.resolve("status");
		Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t    1234 kB\nRssAnon:\t 1000 kB\n");
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ProcessMemoryMetrics(status).bindTo(registry);
		assertThat(registry.get("process.resident.memory").gauge().value()).isEqualTo(1234 * 1024.0);
	}

	@Test
	void registersNothingWithoutTheFile(@TempDir Path dir) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ProcessMemoryMetrics(dir.resolve("missing")).bindTo(registry);
		assertThat(registry.find("process.resident.memory").gauge()).isNull();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void thisJvmIsResident() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ProcessMemoryMetrics().bindTo(registry);
		// A running JVM holds at least its heap's young generation and code: far over 10
		// MB.
		assertThat(registry.get("process.resident.memory").gauge().value()).isGreaterThan(10e6);
	}

}
