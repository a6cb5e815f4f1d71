package io.modelport.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted HTTP server on 127.0.0.1 for the client's unit tests: each request gets the
 * next canned answer (the last one repeats), and every request's method, path and headers
 * are kept for assertions.
 *
 * @author Modelport Team
 */
final class TinyServer implements AutoCloseable {

	private final HttpServer server;

	private final List<Answer> answers;

	private final AtomicInteger next = new AtomicInteger();

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	private TinyServer(List<Answer> answers) {
		this.answers = List.copyOf(answers);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static TinyServer answering(Answer... answers) {
		return new TinyServer(List.of(answers));
	}

	static Answer json(int status, String body) {
		return new Answer(status, Map.of("Content-Type", "application/json"), body, 0);
	}

	static Answer problem(int status, String body, Map<String, String> headers) {
		Map<String, String> all = new java.util.HashMap<>(headers);
		all.put("Content-Type", "application/problem+json");
		return new Answer(status, all, body, 0);
	}

	ModelportClient client(RetryPolicy retry) {
		return ModelportClient.builder().baseUri(base()).apiKey("mp_test_key").retry(retry).build();
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Seen> seen() {
		return this.seen;
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] request = exchange.getRequestBody().readAllBytes();
		this.seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				exchange.getRequestHeaders(), request, System.nanoTime()));
		Answer answer = this.answers.get(Math.min(this.next.getAndIncrement(), this.answers.size() - 1));
		try {
			Thread.sleep(answer.delayMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A canned answer.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 * @param delayMillis how long to wait before answering
	 * @author Modelport Team
	 */
	record Answer(int status, Map<String, String> headers, String body, long delayMillis) {

		Answer delayed(long millis) {
			return new Answer(this.status, this.headers, this.body, millis);
		}

	}

	/**
	 * A request the server got.
	 *
	 * @param method the method
	 * @param uri the path and query
	 * @param headers the headers
	 * @param body the body
	 * @param nanos when it arrived
	 * @author Modelport Team
	 */
	record Seen(String method, String uri, Headers headers, byte[] body, long nanos) {

	}

}
