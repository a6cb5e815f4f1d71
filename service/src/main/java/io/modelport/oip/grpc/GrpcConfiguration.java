package io.modelport.oip.grpc;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.modelport.oip.OipService;
import io.modelport.security.ApiKeyCheck;
import io.modelport.web.ApiProperties;

/**
 * Starts the gRPC port unless {@code modelport.grpc.enabled} is false. Messages may be as
 * large as a REST request body ({@code modelport.api.max-request-size}).
 *
 * @author Modelport Team
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "modelport.grpc", name = "enabled", havingValue = "true", matchIfMissing = true)
class GrpcConfiguration {

	@Bean
	GrpcServer grpcServer(GrpcProperties properties, OipService oip, ApiKeyCheck keys, MeterRegistry meters,
			ApiProperties api) {
		return new GrpcServer(properties, oip, keys, meters, api.maxRequestSize().toBytes());
	}

}
