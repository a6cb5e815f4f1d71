package io.modelport.datasets;

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

	@Bean
	DatasetCatalog datasetCatalog(DatasetProperties properties) {
		return new DatasetCatalog(properties);
	}

}
