package io.modelport.oip.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gRPC port ({@code modelport.grpc.*}).
 *
 * @param enabled whether the gRPC server starts at all
 * @param port the port, {@code 0} for a free one (tests)
 * @param address the address to bind, {@code null} for every interface like the HTTP port
 * @param threads the most calls handled at once; further calls wait for a thread
 * @param shutdownGrace how long calls in flight may take to finish when the application
 * stops
 * @author Modelport Team
 */
@ConfigurationProperties("modelport.grpc")
public record GrpcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8081") int port, String address,
		@DefaultValue("200") int threads, @DefaultValue("10s") Duration shutdownGrace) {

	public GrpcProperties {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("modelport.grpc.port must be between 0 and 65535, not " + port);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("modelport.grpc.threads must be at least 1, not " + threads);
		}
	}

}
