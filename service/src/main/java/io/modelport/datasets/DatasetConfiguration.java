package io.modelport.datasets;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the dataset catalog with its properties.
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatasetProperties.class)
class DatasetConfiguration {

	// The dictionary behind the built-in eng-ipa pairs (Debian dict-freedict-eng-fra).
	@Bean
	DatasetCatalog datasetCatalog(DatasetProperties properties,
			@Value("${modelport.datasets.pronunciations-location:/usr/share/dictd/freedict-eng-fra.dict.dz}") Path dictionary) {
		return new DatasetCatalog(properties, new BuiltInPairs(dictionary));
	}

}
