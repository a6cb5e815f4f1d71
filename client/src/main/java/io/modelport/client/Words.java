package io.modelport.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Word vectors: {@code /api/v1/models/{model}/words}, similarity, analogy, embed.
 *
 * @author Modelport Team
 */
public final class Words {

	private final Transport transport;

	Words(Transport transport) {
		this.transport = transport;
	}

	/**
	 * A word's vector.
	 * @param model the word-vector model
	 * @param word the word
	 * @return the vector
	 * @throws NotFoundException when the model does not know the word
	 */
	public WordVector vector(String model, String word) {
		return this.transport.get(ModelportClient.modelPath(model) + "/words/" + Transport.segment(word),
				WordVector.class);
	}

	/**
	 * The nearest words by cosine similarity.
	 * @param model the word-vector model
	 * @param word the word
	 * @param k how many
	 * @return the nearest words, nearest first
	 */
	public SimilarWords similar(String model, String word, int k) {
		return this.transport
			.get(Transport.path(ModelportClient.modelPath(model) + "/words/" + Transport.segment(word) + "/similar",
					Transport.query("k", k)), SimilarWords.class);
	}

	/**
	 * The cosine similarity of two words.
	 * @param model the word-vector model
	 * @param a one word
	 * @param b the other
	 * @return the similarity
	 */
	public Similarity similarity(String model, String a, String b) {
		return this.transport.get(Transport.path(ModelportClient.modelPath(model) + "/similarity",
				Transport.query("a", a), Transport.query("b", b)), Similarity.class);
	}

	/**
	 * Solves a : b :: c : ?.
	 * @param model the word-vector model
	 * @param a a
	 * @param b b
	 * @param c c
	 * @param k the candidates to answer
	 * @return the answer and candidates
	 */
	public Analogy analogy(String model, String a, String b, String c, int k) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("a", a);
		body.put("b", b);
		body.put("c", c);
		body.put("k", k);
		return this.transport.postJson(ModelportClient.modelPath(model) + "/analogy", body, Analogy.class);
	}

	/**
	 * Embeds a text as the mean vector of its known words.
	 * @param model the word-vector model
	 * @param text the text
	 * @return the embedding
	 */
	public TextEmbedding embed(String model, String text) {
		return this.transport.post(ModelportClient.modelPath(model) + "/embed", "text/plain; charset=UTF-8",
				text.getBytes(StandardCharsets.UTF_8), TextEmbedding.class);
	}

}
