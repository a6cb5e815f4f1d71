package io.modelport.oip.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import io.modelport.oip.OipService;
import io.modelport.security.ApiKeyCheck;

/**
 * The gRPC port: started after the model registry and stopped before it, in the same
 * phase as the web server's graceful shutdown, so both ports stop taking calls together
 * and let the ones in flight finish within {@code modelport.grpc.shutdown-grace}.
 *
 * @author Modelport Team
 */
public class GrpcServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(GrpcServer.class);

	private final GrpcProperties properties;

	private final OipService oip;

	private final ApiKeyCheck keys;

	private final MeterRegistry meters;

	private final long maxMessageSize;

	private Server server;

	private ExecutorService executor;

	GrpcServer(GrpcProperties properties, OipService oip, ApiKeyCheck keys, MeterRegistry meters, long maxMessageSize) {
		this.properties = properties;
		this.oip = oip;
		this.keys = keys;
		this.meters = meters;
		this.maxMessageSize = maxMessageSize;
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		this.executor = CallExecutor.create(this.properties.threads(), "grpc-oip-");
		InetSocketAddress address = (this.properties.address() != null)
				? new InetSocketAddress(this.properties.address(), this.properties.port())
				: new InetSocketAddress(this.properties.port());
		Server built = NettyServerBuilder.forAddress(address)
			.executor(this.executor)
			.maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, this.maxMessageSize))
			.addService(ServerInterceptors.intercept(GrpcServiceDefinition.of(new InferenceGrpcService(this.oip)),
					GrpcInterceptors.apiKeys(this.keys), GrpcInterceptors.metrics(this.meters)))
			.addService(ProtoReflectionServiceV1.newInstance())
			.build();
		try {
			built.start();
		}
		catch (IOException ex) {
			this.executor.shutdownNow();
			throw new UncheckedIOException("cannot start the gRPC server on " + address, ex);
		}
		this.server = built;
		logger.info("gRPC (Open Inference Protocol v2) listening on port " + built.getPort());
	}

	@Override
	public void stop() {
		Server running;
		ExecutorService pool;
		synchronized (this) {
			running = this.server;
			pool = this.executor;
			this.server = null;
			this.executor = null;
		}
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			if (!running.awaitTermination(this.properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("gRPC calls still running after " + this.properties.shutdownGrace() + "; cancelling them");
				running.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.shutdownNow();
		}
		pool.shutdownNow();
	}

	@Override
	public void stop(Runnable callback) {
		Thread stopping = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "grpc-shutdown");
		stopping.start();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	// The web server's graceful shutdown phase: stops with it, before the registry.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/**
	 * The port the server listens on, the chosen one when configured as 0.
	 * @return the port, or -1 when not running
	 */
	public synchronized int port() {
		return (this.server != null) ? this.server.getPort() : -1;
	}

}
