package io.modelport.robustness;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded property runs: each try draws its input from its own {@link Random}, derived
 * from the run's seed and the try's number, so a failure names the seed and try that
 * reproduce it. {@code -Dmodelport.fuzz.tries=N} sets the tries per property (CI uses the
 * default, {@value #DEFAULT_TRIES}), {@code -Dmodelport.fuzz.seed=S} replays a run.
 *
 * @author Modelport Team
 */
final class Fuzz {

	static final int DEFAULT_TRIES = 25;

	private static final long SEED = Long.getLong("modelport.fuzz.seed", new Random().nextLong());

	private Fuzz() {
	}

	static int tries() {
		return Integer.getInteger("modelport.fuzz.tries", DEFAULT_TRIES);
	}

	static long seed() {
		return SEED;
	}

	/**
	 * Checks a property on {@link #tries()} generated inputs.
	 * @param <T> the input type
	 * @param property the property's name, for the failure message
	 * @param generator draws one input
	 * @param check fails on a bad answer
	 */
	static <T> void forAll(String property, Function<Random, T> generator, Consumer<T> check) {
		forAll(property, tries(), generator, check);
	}

	/**
	 * Checks a property on a given number of generated inputs.
	 * @param <T> the input type
	 * @param property the property's name, for the failure message
	 * @param tries how many inputs
	 * @param generator draws one input
	 * @param check fails on a bad answer
	 */
	static <T> void forAll(String property, int tries, Function<Random, T> generator, Consumer<T> check) {
		for (int i = 0; i < tries; i++) {
			Random random = new Random(SEED * 1_000_003L + property.hashCode() * 31L + i);
			T input = generator.apply(random);
			try {
				check.accept(input);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("property '" + property + "' failed at try " + i + " of seed " + SEED
						+ " (-Dmodelport.fuzz.seed=" + SEED + "): " + input + "\n" + ex.getMessage(), ex);
			}
		}
	}

}
