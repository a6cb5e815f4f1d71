package io.modelport.datasets;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatasetConfiguration} and the defaults of {@link DatasetProperties}.
 *
 * @author Modelport Team
 */
class DatasetConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DatasetConfiguration.class);

	@Test
	void bindsTheDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DatasetCatalog.class);
			DatasetProperties properties = context.getBean(DatasetProperties.class);
			assertThat(properties.location()).isEqualTo(Path.of("data/datasets"));
			assertThat(properties.fashionMnistLocation()).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
			assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofMegabytes(512));
			assertThat(properties.maxEntries()).isEqualTo(100000);
			assertThat(properties.maxUncompressedSize()).isEqualTo(DataSize.ofGigabytes(2));
			assertThat(properties.maxCompressionRatio()).isEqualTo(100);
			assertThat(properties.maxImagePixels()).isEqualTo(40_000_000L);
		});
	}

	@Test
	void bindsOverrides() {
		this.runner
			.withPropertyValues("modelport.datasets.location=/srv/datasets", "modelport.datasets.max-upload-size=1GB")
			.run((context) -> {
				DatasetProperties properties = context.getBean(DatasetProperties.class);
				assertThat(properties.location()).isEqualTo(Path.of("/srv/datasets"));
				assertThat(properties.maxUploadSize()).isEqualTo(DataSize.ofGigabytes(1));
			});
	}

	@Test
	void rejectsLimitsBelowOne() {
		this.runner.withPropertyValues("modelport.datasets.max-entries=0")
			.run((context) -> assertThat(context).hasFailed());
	}

}
