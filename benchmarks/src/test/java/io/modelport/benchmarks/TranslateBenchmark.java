package io.modelport.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.modelport.ModelportApplication;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.registry.ModelRegistry;
import io.modelport.seq2seq.BeamSettings;
import io.modelport.seq2seq.Seq2SeqDecoder;
import io.modelport.seq2seq.SymbolFiles;
import io.modelport.seq2seq.SymbolVocabulary;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;

/**
 * Translation benchmark on the shipped {@code dates} model: the network decoded in
 * process ({@code Seq2SeqDecoder.translate}, a scoped manager per input) against the
 * service's {@code POST /translate} over HTTP on 127.0.0.1, sequential requests in one
 * JVM, greedy and with a beam of 5. Prints a Markdown table and the service / in-process
 * ratios.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=translate
 * </pre>
 *
 * @author Modelport Team
 */
public final class TranslateBenchmark {

	private static final List<String> INPUTS = List.of("3 March 2021", "tuesday, march 3 2021", "03/04/21",
			"Mar 3, 2021", "2021.03.03", "3rd of March 2021", "20210303", "14 august 2085");

	private static final int REQUESTS = 400;

	private TranslateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path store = Path.of("model-store");
		StoredModel stored = new ModelStore(store).find("dates").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		SymbolVocabulary source = SymbolFiles.read(descriptor.directory().resolve("source.symbols"),
				SymbolVocabulary.Level.CHARACTER);
		Map<String, Double> rows = new LinkedHashMap<>();
		try (Model model = Model.newInstance("raw", "PyTorch")) {
			Seq2SeqNet network = (Seq2SeqNet) ArchitectureCatalog.build(descriptor.architecture());
			model.setBlock(network);
			String file = descriptor.weights().file();
			model.load(descriptor.directory(), file.substring(0, file.lastIndexOf('-')));
			for (int beam : new int[] { 1, 5 }) {
				BeamSettings settings = new BeamSettings(beam, 0.7, 12, 1);
				int[] next = { 0 };
				rows.put("in-process translate, beam " + beam, micros(() -> {
					try (NDManager scope = model.getNDManager().newSubManager()) {
						return Seq2SeqDecoder
							.translate(network, new ParameterStore(scope, false), scope,
									source.encode(INPUTS.get(next[0]++ % INPUTS.size())), settings)
							.size();
					}
				}));
			}
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
				"--spring.datasource.url=jdbc:h2:mem:translate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"--modelport.training.work-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "translate-benchmark"),
				"--logging.level.root=WARN")) {
			app.getBean(ModelRegistry.class).awaitLoaded(Duration.ofMinutes(5));
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int beam : new int[] { 1, 5 }) {
				int[] next = { 0 };
				rows.put("service POST /translate, beam " + beam, micros(() -> {
					String body = "{\"text\":\"" + INPUTS.get(next[0]++ % INPUTS.size()) + "\",\"beamWidth\":" + beam
							+ "}";
					return send(client, port, body);
				}));
			}
		}
		System.out.println();
		System.out.println("| dates v" + descriptor.version() + ", sequential requests | mean µs |");
		System.out.println("|---|---|");
		rows.forEach((row, micros) -> System.out.printf("| %s | %.0f |%n", row, micros));
		for (int beam : new int[] { 1, 5 }) {
			System.out.printf("service / in-process, beam %d: %.2f%n", beam,
					rows.get("service POST /translate, beam " + beam) / rows.get("in-process translate, beam " + beam));
		}
	}

	private static int send(HttpClient client, int port, String body) {
		try {
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/models/dates/translate"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
			return response.body().length();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double micros(IntSupplier step) {
		long sink = 0;
		for (int i = 0; i < REQUESTS / 5; i++) {
			sink += step.getAsInt();
		}
		long start = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			sink += step.getAsInt();
		}
		double mean = (System.nanoTime() - start) / 1e3 / REQUESTS;
		return (sink >= 0) ? mean : -mean;
	}

}
