package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The requests of a soak or load run against the shipped model store: every task in turn
 * (classify, detect, verify, similar words, analogy, text embedding, two translators), or
 * classification alone. One request in 50 is deliberately bad (a broken image, an unknown
 * word) and must get its 4xx; any other answer than the expected one is an error.
 *
 * @author Modelport Team
 */
final class RequestMix {

	private static final int DELIBERATE_EVERY = 50;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> WORDS = List.of("god", "king", "egypt", "moses", "david", "israel", "land",
			"water");

	private static final List<String> DATES = List.of("tuesday, march 3 2021", "3 Mar 2021", "12/25/99", "19630822",
			"14 august 2085", "16-Sep-2019");

	private static final List<String> ENGLISH = List.of("please", "water", "apprehension", "house", "letter");

	private static final Map<String, String> MODELS = Map.of("classify", "fashion-mnist", "detect", "fashion-scenes",
			"verify", "orl-faces", "similar", "kjv-words", "analogy", "kjv-words", "embed", "kjv-words",
			"translate-dates", "dates", "translate-ipa", "eng-ipa");

	private final Map<String, LongFunction<Call>> kinds = new LinkedHashMap<>();

	private final List<LongFunction<Call>> selected = new ArrayList<>();

	private final String base;

	private RequestMix(String base, Path repository, Path faces) {
		this.base = base;
		List<byte[]> fashion = files(repository.resolve("service/src/test/resources/images/fashion-mnist"), ".png");
		List<byte[]> scenes = files(repository.resolve("service/src/test/resources/images/detection"), ".png");
		List<byte[]> people = (faces != null && Files.isDirectory(faces)) ? List.of(read(faces.resolve("s4/1.pgm")),
				read(faces.resolve("s4/2.pgm")), read(faces.resolve("s7/1.pgm"))) : fashion;
		this.kinds.put("classify", (n) -> image("classify", "/api/v1/models/fashion-mnist/classify", pick(fashion, n)));
		this.kinds.put("detect", (n) -> image("detect", "/api/v1/models/fashion-scenes/detect", pick(scenes, n)));
		this.kinds.put("verify",
				(n) -> json("verify", "/api/v1/models/orl-faces/verify", "{\"image1\":\"" + base64(people.get(0))
						+ "\",\"image2\":\"" + base64(people.get((int) (1 + n % (people.size() - 1)))) + "\"}"));
		this.kinds.put("similar",
				(n) -> get("similar", "/api/v1/models/kjv-words/words/" + pick(WORDS, n) + "/similar?k=5"));
		this.kinds.put("analogy", (n) -> json("analogy", "/api/v1/models/kjv-words/analogy",
				"{\"a\":\"man\",\"b\":\"woman\",\"c\":\"" + pick(WORDS, n) + "\",\"k\":3}"));
		this.kinds.put("embed", (n) -> text("embed", "/api/v1/models/kjv-words/embed",
				"In the beginning God created the heaven and the " + pick(WORDS, n)));
		this.kinds.put("translate-dates", (n) -> json("translate-dates", "/api/v1/models/dates/translate",
				"{\"text\":\"" + pick(DATES, n) + "\"}"));
		this.kinds.put("translate-ipa", (n) -> json("translate-ipa", "/api/v1/models/eng-ipa/translate",
				"{\"text\":\"" + pick(ENGLISH, n) + "\"}"));
	}

	/**
	 * A mix of request kinds.
	 * @param mix {@code all}, or kinds separated by commas ({@code classify},
	 * {@code detect}, {@code verify}, {@code similar}, {@code analogy}, {@code embed},
	 * {@code translate-dates}, {@code translate-ipa})
	 * @param base the service's address
	 * @param repository the repository root (sample images)
	 * @param faces a folder of face images (ORL {@code sN/M.pgm}), or {@code null} to
	 * verify pairs of the sample images
	 * @return the mix
	 */
	static RequestMix of(String mix, String base, Path repository, Path faces) {
		RequestMix requests = new RequestMix(base, repository, faces);
		for (String kind : kinds(mix)) {
			requests.selected.add(requests.kinds.get(kind));
		}
		return requests;
	}

	/**
	 * The models a mix calls, to wait for before the load starts: those of its kinds and
	 * those of the deliberate errors.
	 * @param mix the mix
	 * @return the model names
	 */
	static Set<String> models(String mix) {
		Set<String> models = new LinkedHashSet<>(List.of("fashion-mnist", "kjv-words"));
		kinds(mix).forEach((kind) -> models.add(MODELS.get(kind)));
		return models;
	}

	private static List<String> kinds(String mix) {
		if ("all".equals(mix)) {
			return List.copyOf(MODELS.keySet()).stream().sorted().toList();
		}
		List<String> kinds = List.of(mix.split(","));
		for (String kind : kinds) {
			if (!MODELS.containsKey(kind)) {
				throw new IllegalArgumentException("unknown request kind '" + kind + "'; known: " + MODELS.keySet());
			}
		}
		return kinds;
	}

	/**
	 * The n-th request of the run.
	 * @param n its number
	 * @return the request and the status it must get
	 */
	Call next(long n) {
		if (n % DELIBERATE_EVERY == DELIBERATE_EVERY - 1) {
			return ((n / DELIBERATE_EVERY) % 2 == 0)
					? withStatus(image("bad-image", "/api/v1/models/fashion-mnist/classify",
							"not an image".getBytes(StandardCharsets.US_ASCII)), 400)
					: withStatus(get("unknown-word", "/api/v1/models/kjv-words/words/zzqxw/similar"), 404);
		}
		return this.selected.get((int) (n % this.selected.size())).apply(n / this.selected.size());
	}

	private static Call withStatus(Call call, int status) {
		return new Call(call.kind(), call.request(), status);
	}

	private Call image(String kind, String path, byte[] png) {
		return post(kind, path, "image/png", HttpRequest.BodyPublishers.ofByteArray(png));
	}

	private Call json(String kind, String path, String body) {
		return post(kind, path, "application/json", HttpRequest.BodyPublishers.ofString(body));
	}

	private Call text(String kind, String path, String body) {
		return post(kind, path, "text/plain", HttpRequest.BodyPublishers.ofString(body));
	}

	private Call post(String kind, String path, String contentType, HttpRequest.BodyPublisher body) {
		return new Call(kind, builder(path).header("Content-Type", contentType).POST(body).build(), 200);
	}

	private Call get(String kind, String path) {
		return new Call(kind, builder(path).GET().build(), 200);
	}

	private HttpRequest.Builder builder(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(TIMEOUT);
	}

	private static <T> T pick(List<T> values, long n) {
		return values.get((int) (n % values.size()));
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static List<byte[]> files(Path folder, String suffix) {
		try (var files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).sorted().map(RequestMix::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One request.
	 *
	 * @param kind what it exercises
	 * @param request the request
	 * @param expected the status it must get
	 */
	record Call(String kind, HttpRequest request, int expected) {

	}

}
