package io.modelport.words.training;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * CBOW examples from a sentence: the words around each position, which the model averages
 * to predict the word at it. A position with no neighbours (a one-word sentence) gives no
 * example, as in the C tool. Deterministic for a given generator state.
 *
 * @author Modelport Team
 */
public final class CbowWindows {

	private final ContextWindow window;

	public CbowWindows(ContextWindow window) {
		this.window = window;
	}

	/**
	 * Hands every window to a consumer, reusing one buffer, for the training loop.
	 * @param sentence the sentence as vocabulary rows, already subsampled
	 * @param random the source of the window shrink draws (one per position)
	 * @param consumer receives the center and the first {@code length} entries of a
	 * buffer that is overwritten by the next call
	 */
	public void forEach(int[] sentence, RandomGenerator random, WindowConsumer consumer) {
		int[] context = new int[2 * this.window.window()];
		for (int position = 0; position < sentence.length; position++) {
			int reach = this.window.reach(random);
			int length = 0;
			for (int other = Math.max(0, position - reach); other <= Math.min(sentence.length - 1,
					position + reach); other++) {
				if (other != position) {
					context[length++] = sentence[other];
				}
			}
			if (length > 0) {
				consumer.accept(sentence[position], context, length);
			}
		}
	}

	/**
	 * All windows of a sentence as a list, for tests and small corpora.
	 * @param sentence the sentence as vocabulary rows
	 * @param random the source of the window shrink draws
	 * @return the windows in sentence order
	 */
	public List<CbowWindow> windows(int[] sentence, RandomGenerator random) {
		List<CbowWindow> windows = new ArrayList<>();
		forEach(sentence, random, (center, context, length) -> {
			List<Integer> rows = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				rows.add(context[i]);
			}
			windows.add(new CbowWindow(center, rows));
		});
		return windows;
	}

	/**
	 * Receives CBOW windows.
	 */
	@FunctionalInterface
	public interface WindowConsumer {

		/**
		 * Takes one window.
		 * @param center the row of the word to predict
		 * @param context a buffer holding the context rows, valid only during the call
		 * @param length how many entries of the buffer are context
		 */
		void accept(int center, int[] context, int length);

	}

}
