package io.modelport.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code process.resident.memory}: the resident set size of the whole process, read from
 * {@code /proc/self/status}. The JVM meters see only heap, metaspace and direct buffers;
 * the tensors DJL allocates through libtorch live outside all of them, so RSS is the only
 * figure that shows native memory growing (or, with jemalloc, being returned). Registered
 * only where the file exists (Linux).
 *
 * @author Modelport Team
 */
@Component
class ProcessMemoryMetrics implements MeterBinder {

	private final Path status;

	ProcessMemoryMetrics() {
		this(Path.of("/proc/self/status"));
	}

	ProcessMemoryMetrics(Path status) {
		this.status = status;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (residentBytes().isEmpty()) {
			return;
		}
		Gauge.builder("process.resident.memory", this, (metrics) -> metrics.residentBytes().orElse(Double.NaN))
			.description("Resident set size of the process: heap, native (libtorch) and code")
			.baseUnit("bytes")
			.register(registry);
	}

	/**
	 * The {@code VmRSS} line of the status file, which the kernel writes in kB.
	 * @return the resident bytes, or empty where the file or the line is missing
	 */
	OptionalDouble residentBytes() {
		try {
			for (String line : Files.readAllLines(this.status)) {
				if (line.startsWith("VmRSS:")) {
					String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
					return OptionalDouble.of(Double.parseDouble(parts[0]) * 1024);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or a format this reader does not know: no figure rather than a
			// wrong one.
		}
		return OptionalDouble.empty();
	}

}
