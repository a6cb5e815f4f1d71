package io.modelport.contract;

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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UnknownParameterInterceptor()).addPathPatterns("/api/**", "/v2/**");
	}

}
