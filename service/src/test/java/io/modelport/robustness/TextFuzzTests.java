package io.modelport.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The word-vector and translation endpoints against hostile text: words in the path and
 * query (traversals, odd code points, very long), {@code k} at and past its bounds,
 * {@code text/plain} bodies that are long, empty or not UTF-8, and translations with
 * hostile texts and decoding settings.
 *
 * @author Modelport Team
 */
class TextFuzzTests extends ServiceUnderFuzz {

	private static final String WORDS = "/api/v1/models/" + FuzzStore.WORDS;

	@Test
	void wordLookups() {
		Fuzz.forAll("word lookups", Fuzz.tries() * 2, (random) -> {
			String word = random.nextBoolean() ? Nasty.pick(random, List.of("king", "queen", "KING", "nope"))
					: Nasty.string(random);
			String encoded = Nasty.encode(word);
			return switch (random.nextInt(3)) {
				case 0 ->
					Probe.get(WORDS + "/words/" + encoded + ImageInputFuzzTests.query(random, List.of("version")));
				case 1 -> Probe.get(WORDS + "/words/" + encoded + "/similar"
						+ ImageInputFuzzTests.query(random, List.of("k", "version")));
				default -> Probe.get(WORDS + "/similarity?a=" + encoded + "&b=" + Nasty.encode(Nasty.string(random)));
			};
		}, this::handled);
	}

	@Test
	void embedText() {
		Fuzz.forAll("embed text", (random) -> {
			String text = switch (random.nextInt(4)) {
				case 0 -> "man woman king ".repeat(1 + random.nextInt(20_000));
				case 1 -> Nasty.string(random);
				default -> "the king and the queen " + Nasty.string(random);
			};
			byte[] body = (random.nextInt(4) == 0) ? Nasty.invalidUtf8(random, text)
					: text.getBytes(StandardCharsets.UTF_8);
			String type = Nasty.pick(random,
					List.of("text/plain", "text/plain; charset=utf-8", "text/plain; charset=iso-8859-1",
							"text/plain; charset=bogus-charset", "text/plain; charset=utf-16"));
			return new Probe("POST", WORDS + "/embed", type, body, Map.of());
		}, this::handled);
	}

	@Test
	void translate() {
		Fuzz.forAll("translate", Fuzz.tries() * 2, (random) -> {
			String path = "/api/v1/models/" + FuzzStore.TRANSLATOR + "/translate"
					+ ((random.nextInt(5) == 0) ? "?render=attention" : "");
			String text = random.nextBoolean() ? "3 Mar 2021" : Nasty.string(random);
			String input = (random.nextInt(4) == 0)
					? "\"texts\":[" + Nasty.jsonString(text) + "," + Nasty.jsonString(Nasty.string(random)) + "]"
					: "\"text\":" + Nasty.jsonString(text);
			String body = "{" + input + ",\"beamWidth\":" + Nasty.jsonNumber(random) + ",\"maxLength\":"
					+ Nasty.jsonNumber(random) + ",\"numAlternatives\":" + Nasty.jsonNumber(random)
					+ ",\"lengthNormalization\":" + Nasty.jsonNumber(random) + ",\"returnAttention\":"
					+ random.nextBoolean() + "}";
			Probe probe = Probe.post(path, "application/json", body);
			return (random.nextInt(5) == 0) ? probe.withHeader("Accept", "image/png") : probe;
		}, this::handled);
	}

}
