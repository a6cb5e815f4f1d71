package io.modelport.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The HTTP plumbing every call shares: the base address, the API key, timeouts, JSON, the
 * retries of 429 and 503, and the mapping of error bodies to exceptions.
 *
 * @author Modelport Team
 */
final class Transport {

	static final String DEADLINE_HEADER = "Request-Timeout";

	private final HttpClient http;

	private final URI base;

	private final String apiKey;

	private final Duration requestTimeout;

	private final Duration serverDeadline;

	private final RetryPolicy retry;

	private final ObjectMapper json;

	Transport(HttpClient http, URI base, String apiKey, Duration requestTimeout, Duration serverDeadline,
			RetryPolicy retry) {
		this.http = http;
		this.base = base;
		this.apiKey = apiKey;
		this.requestTimeout = requestTimeout;
		this.serverDeadline = serverDeadline;
		this.retry = retry;
		this.json = mapper();
	}

	static ObjectMapper mapper() {
		// Unknown members are ignored so that a newer server's extra fields do not break
		// an older client.
		return new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	}

	ObjectMapper json() {
		return this.json;
	}

	URI base() {
		return this.base;
	}

	/**
	 * A request to a path of the server, with the key, the timeout and the deadline.
	 * @param path the path and query, starting with {@code /}
	 * @param streaming whether the answer is a stream (no overall timeout then)
	 * @return the builder
	 */
	HttpRequest.Builder request(String path, boolean streaming) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.base.resolve(path));
		if (this.apiKey != null) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		if (!streaming && this.requestTimeout != null) {
			builder.timeout(this.requestTimeout);
		}
		if (!streaming && this.serverDeadline != null) {
			builder.header(DEADLINE_HEADER, Long.toString(this.serverDeadline.toMillis()));
		}
		return builder;
	}

	<T> T get(String path, Class<T> type) {
		return read(send(request(path, false).header("Accept", "application/json").GET().build()), type);
	}

	<T> T postJson(String path, Object body, Class<T> type) {
		return sendJson("POST", path, body, type);
	}

	<T> T sendJson(String method, String path, Object body, Class<T> type) {
		return read(send(request(path, false).header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)))
			.build()), type);
	}

	<T> T post(String path, String contentType, byte[] body, Class<T> type) {
		return read(send(request(path, false).header("Accept", "application/json")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build()), type);
	}

	byte[] write(Object body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("the request body cannot be written as JSON: " + ex.getMessage(), ex);
		}
	}

	<T> T read(byte[] body, Class<T> type) {
		if (type == Void.class) {
			return null;
		}
		try {
			return this.json.readValue(body, type);
		}
		catch (IOException ex) {
			throw new ServerException(Problem.unreachable("the answer is not the expected JSON: " + ex.getMessage()),
					ex);
		}
	}

	byte[] send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	/**
	 * Sends a request, retrying 429 and 503 as the policy allows; a 2xx answer is
	 * returned, anything else thrown as a {@link ModelportException}.
	 * @param <T> the body type of a successful answer
	 * @param request the request
	 * @param handler reads a successful answer's body
	 * @return the answer
	 */
	<T> Reply<T> send(HttpRequest request, BodyHandler<T> handler) {
		long waited = 0;
		for (int attempt = 0;; attempt++) {
			HttpResponse<Answer<T>> response = exchange(request, handler);
			Answer<T> answer = response.body();
			if (answer.error == null) {
				return new Reply<>(response.statusCode(), response.headers(), answer.value);
			}
			int status = response.statusCode();
			Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
			Problem problem = Problem.parse(status, answer.error, retryAfter, this.json);
			long delay = ((retryAfter != null) ? retryAfter : this.retry.fallbackDelay()).toMillis();
			boolean retry = RetryPolicy.retryable(status) && attempt < this.retry.maxRetries()
					&& waited + delay <= this.retry.maxTotalWait().toMillis();
			if (!retry) {
				throw ModelportException.of(problem);
			}
			sleep(delay);
			waited += delay;
		}
	}

	private <T> HttpResponse<Answer<T>> exchange(HttpRequest request, BodyHandler<T> handler) {
		BodyHandler<Answer<T>> either = (info) -> {
			if (info.statusCode() >= 200 && info.statusCode() < 300) {
				return BodySubscribers.mapping(handler.apply(info), (value) -> new Answer<>(value, null));
			}
			return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8),
					(text) -> new Answer<>(null, text));
		};
		try {
			return this.http.send(request, either);
		}
		catch (HttpTimeoutException ex) {
			throw new UnavailableException(Problem.unreachable(request.method() + " " + request.uri()
					+ " got no answer within " + request.timeout().map(Duration::toString).orElse("the timeout")), ex);
		}
		catch (IOException ex) {
			throw new UnavailableException(
					Problem.unreachable(request.method() + " " + request.uri() + " failed: " + describe(ex)), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException(Problem.unreachable("interrupted"), ex);
		}
	}

	// The JDK's client throws message-less exceptions; a reason is taken from a cause
	// when
	// one has it.
	private static String describe(IOException ex) {
		if (ex instanceof java.net.ConnectException && ex.getMessage() == null) {
			return "cannot connect";
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
		}
		return ex.getClass().getSimpleName();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException(Problem.unreachable("interrupted while waiting to retry"), ex);
		}
	}

	/**
	 * Parses {@code Retry-After}: delay seconds or an HTTP date.
	 * @param value the header value or {@code null}
	 * @return the wait, {@code null} when absent or unreadable
	 */
	static Duration retryAfter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	/**
	 * Encodes one path segment (a model name, a word, an identity).
	 * @param segment the raw segment
	 * @return the encoded segment
	 */
	static String segment(String segment) {
		if (segment == null || segment.isEmpty()) {
			throw new IllegalArgumentException("a path segment must not be empty");
		}
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String query(String name, Object value) {
		return (value != null) ? "&" + name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8) : "";
	}

	/**
	 * A path with optional query parameters, the first {@code &} turned into {@code ?}.
	 * @param path the path
	 * @param queries the {@link #query} parts
	 * @return the path and query
	 */
	static String path(String path, String... queries) {
		String joined = String.join("", queries);
		return joined.isEmpty() ? path : path + "?" + joined.substring(1);
	}

	private record Answer<T>(T value, String error) {

	}

	/**
	 * A successful answer.
	 *
	 * @param <T> the body type
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 * @author Modelport Team
	 */
	record Reply<T>(int status, HttpHeaders headers, T body) {

	}

}
