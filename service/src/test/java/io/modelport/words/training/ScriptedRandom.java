package io.modelport.words.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A generator that answers {@code nextInt(bound)} from a script, so window shrinks can be
 * checked by hand.
 *
 * @author Modelport Team
 */
final class ScriptedRandom implements RandomGenerator {

	private final Deque<Integer> values;

	ScriptedRandom(Integer... values) {
		this.values = new ArrayDeque<>(List.of(values));
	}

	@Override
	public int nextInt(int bound) {
		int value = this.values.removeFirst();
		if (value >= bound) {
			throw new IllegalStateException(value + " is not below " + bound);
		}
		return value;
	}

	@Override
	public long nextLong() {
		throw new UnsupportedOperationException("only nextInt(bound) is scripted");
	}

}
