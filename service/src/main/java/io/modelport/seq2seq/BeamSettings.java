package io.modelport.seq2seq;

/**
 * How to decode: beam width B (1 is greedy), the length-normalisation exponent α, the
 * longest output, and how many of the best hypotheses to return.
 *
 * @param beamWidth B ≥ 1
 * @param alpha α in [0, 1]: hypotheses are ranked by (1/T^α) Σ log P; 0 ranks by the raw
 * sum, which favours short outputs
 * @param maxLength the most tokens generated, {@code <EOS>} included
 * @param alternatives how many hypotheses to return, 1 to B
 * @author Modelport Team
 */
public record BeamSettings(int beamWidth, double alpha, int maxLength, int alternatives) {

	public BeamSettings {
		if (beamWidth < 1) {
			throw new IllegalArgumentException("beamWidth must be at least 1, was " + beamWidth);
		}
		if (!(alpha >= 0 && alpha <= 1)) {
			throw new IllegalArgumentException("lengthNormalization must be in [0, 1], was " + alpha);
		}
		if (maxLength < 1) {
			throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
		}
		if (alternatives < 1 || alternatives > beamWidth) {
			throw new IllegalArgumentException(
					"numAlternatives must be between 1 and the beam width " + beamWidth + ", was " + alternatives);
		}
	}

}
