package io.modelport.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The Modelport client: task calls here, the rest in {@link #models()},
 * {@link #datasets()}, {@link #jobs()}, {@link #faces()}, {@link #words()} and
 * {@link #oip()}. It is thread-safe; build one and share it.
 *
 * <pre class="code">
 * ModelportClient client = ModelportClient.builder().baseUri("http://localhost:8080").build();
 * Classification answer = client.classify("fashion-mnist", Path.of("trouser.png"));
 * System.out.println(answer.predictions().get(0).label());
 * </pre>
 *
 * @author Modelport Team
 */
public final class ModelportClient {

	private static final String OCTETS = "application/octet-stream";

	private final Transport transport;

	private ModelportClient(Transport transport) {
		this.transport = transport;
	}

	/**
	 * A builder with the defaults: {@code http://localhost:8080}, no key, 10 s to
	 * connect, 60 s per request, {@link RetryPolicy#DEFAULT}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Classifies an image file.
	 * @param model the classifier
	 * @param image the image (PNG, JPEG, GIF, BMP)
	 * @return the labels, best first
	 */
	public Classification classify(String model, Path image) {
		return classify(model, read(image), null, null);
	}

	/**
	 * Classifies an image.
	 * @param model the classifier
	 * @param image the encoded image
	 * @param topK the labels to answer, {@code null} for the server's default
	 * @param version the version, {@code null} for the default
	 * @return the labels, best first
	 */
	public Classification classify(String model, byte[] image, Integer topK, Integer version) {
		String path = Transport.path(modelPath(model) + "/classify", Transport.query("topK", topK),
				Transport.query("version", version));
		return this.transport.post(path, OCTETS, image, Classification.class);
	}

	/**
	 * Detects objects in an image file with the model's settings.
	 * @param model the detector
	 * @param image the image
	 * @return the objects found
	 */
	public Detection detect(String model, Path image) {
		return detect(model, read(image), Detection.Options.DEFAULT, null);
	}

	/**
	 * Detects objects in an image.
	 * @param model the detector
	 * @param image the encoded image
	 * @param options thresholds and classes
	 * @param version the version, {@code null} for the default
	 * @return the objects found
	 */
	public Detection detect(String model, byte[] image, Detection.Options options, Integer version) {
		StringBuilder classes = new StringBuilder();
		if (options.classes() != null) {
			options.classes().forEach((name) -> classes.append(Transport.query("classes", name)));
		}
		String path = Transport.path(modelPath(model) + "/detect",
				Transport.query("scoreThreshold", options.scoreThreshold()),
				Transport.query("iouThreshold", options.iouThreshold()),
				Transport.query("maxDetections", options.maxDetections()), classes.toString(),
				Transport.query("version", version));
		return this.transport.post(path, OCTETS, image, Detection.class);
	}

	/**
	 * Translates one text with the model's defaults.
	 * @param model the seq2seq model
	 * @param text the text
	 * @return the translation
	 */
	public Translation translate(String model, String text) {
		return translate(model, TranslateRequest.of(text)).all().get(0);
	}

	/**
	 * Translates one or more texts.
	 * @param model the seq2seq model
	 * @param request the texts and decoding options
	 * @return the translations
	 */
	public Translations translate(String model, TranslateRequest request) {
		return this.transport.postJson(modelPath(model) + "/translate", request, Translations.class);
	}

	/**
	 * Model management: list, describe, promote, reload.
	 * @return the model calls
	 */
	public Models models() {
		return new Models(this.transport);
	}

	/**
	 * Data sets: upload, list, describe.
	 * @return the data set calls
	 */
	public Datasets datasets() {
		return new Datasets(this.transport);
	}

	/**
	 * Training jobs: submit, inspect, list, cancel, follow.
	 * @return the training-job calls
	 */
	public TrainingJobs jobs() {
		return new TrainingJobs(this.transport);
	}

	/**
	 * Face embedding, verification, gallery and identification.
	 * @return the face calls
	 */
	public Faces faces() {
		return new Faces(this.transport);
	}

	/**
	 * Word vectors: vectors, similar words, similarity, analogies, text embedding.
	 * @return the word calls
	 */
	public Words words() {
		return new Words(this.transport);
	}

	/**
	 * The Open Inference Protocol v2 over REST.
	 * @return the protocol calls
	 */
	public OipRestClient oip() {
		return new OipRestClient(this.transport);
	}

	static String modelPath(String model) {
		return "/api/v1/models/" + Transport.segment(model);
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Builds a {@link ModelportClient}.
	 *
	 * @author Modelport Team
	 */
	public static final class Builder {

		private URI baseUri = URI.create("http://localhost:8080");

		private String apiKey;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration requestTimeout = Duration.ofSeconds(60);

		private Duration serverDeadline;

		private RetryPolicy retry = RetryPolicy.DEFAULT;

		private HttpClient httpClient;

		private Builder() {
		}

		/**
		 * The server's base address.
		 * @param baseUri for example {@code http://localhost:8080}
		 * @return this builder
		 */
		public Builder baseUri(String baseUri) {
			return baseUri(URI.create(baseUri));
		}

		/**
		 * The server's base address.
		 * @param baseUri for example {@code http://localhost:8080}
		 * @return this builder
		 */
		public Builder baseUri(URI baseUri) {
			String text = Objects.requireNonNull(baseUri, "baseUri").toString();
			this.baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
			return this;
		}

		/**
		 * The API key, sent as {@code Authorization: Bearer <key>}.
		 * @param apiKey the key, {@code null} for none
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
			return this;
		}

		/**
		 * How long to wait for a connection.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * How long to wait for each answer (not for event streams).
		 * @param timeout the timeout, {@code null} for none
		 * @return this builder
		 */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = timeout;
			return this;
		}

		/**
		 * A deadline the server enforces ({@code Request-Timeout} header): it answers 504
		 * instead of working past it.
		 * @param deadline the deadline, {@code null} for the server's default
		 * @return this builder
		 */
		public Builder serverDeadline(Duration deadline) {
			this.serverDeadline = deadline;
			return this;
		}

		/**
		 * How 429 and 503 answers are retried.
		 * @param retry the policy
		 * @return this builder
		 */
		public Builder retry(RetryPolicy retry) {
			this.retry = Objects.requireNonNull(retry, "retry");
			return this;
		}

		/**
		 * An HTTP client of the caller's own (proxy, TLS, executor); the connect timeout
		 * is then the caller's.
		 * @param httpClient the client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public ModelportClient build() {
			HttpClient http = (this.httpClient != null) ? this.httpClient
					: HttpClient.newBuilder()
						.connectTimeout(this.connectTimeout)
						.version(HttpClient.Version.HTTP_1_1)
						.followRedirects(HttpClient.Redirect.NORMAL)
						.build();
			return new ModelportClient(new Transport(http, this.baseUri, this.apiKey, this.requestTimeout,
					this.serverDeadline, this.retry));
		}

	}

}
