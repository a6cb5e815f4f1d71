package io.modelport.contract;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the unknown-parameter check on the API's paths (the task, job, data set,
 * model management and Open Inference Protocol endpoints).
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
class ContractConfiguration implements WebMvcConfigurer {

	@Bean
	OpenApiCustomizer openApiContract(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenApiContract((properties != null) ? properties.getVersion() : "development");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UnknownParameterInterceptor()).addPathPatterns("/api/**", "/v2/**");
	}

}
