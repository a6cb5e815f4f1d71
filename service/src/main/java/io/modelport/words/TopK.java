package io.modelport.words;

/**
 * A bounded min-heap of (row, score): keeps the {@code k} best rows seen, without boxing.
 * The root is the worst kept row, so a new row needs only one comparison to be turned
 * away. Ties go to the lower row (in a frequency-sorted vocabulary, the commoner word),
 * which keeps results independent of how the scan was split into chunks.
 *
 * @author Modelport Team
 */
final class TopK {

	private final int[] rows;

	private final float[] scores;

	private int size;

	TopK(int k) {
		this.rows = new int[k];
		this.scores = new float[k];
	}

	/**
	 * Whether a score would enter the heap, checked before the caller does any more work.
	 * @param row the row
	 * @param score its score
	 * @return whether it beats the worst kept row, or the heap is not full
	 */
	boolean accepts(int row, float score) {
		return this.size < this.rows.length || better(row, score, this.rows[0], this.scores[0]);
	}

	void offer(int row, float score) {
		if (this.size < this.rows.length) {
			int i = this.size++;
			this.rows[i] = row;
			this.scores[i] = score;
			siftUp(i);
		}
		else if (better(row, score, this.rows[0], this.scores[0])) {
			this.rows[0] = row;
			this.scores[0] = score;
			siftDown(0);
		}
	}

	void addAll(TopK other) {
		for (int i = 0; i < other.size; i++) {
			offer(other.rows[i], other.scores[i]);
		}
	}

	int size() {
		return this.size;
	}

	/**
	 * Empties the heap into two arrays, best row first.
	 * @param rowsOut receives the rows, at least {@link #size()} long
	 * @param scoresOut receives their scores
	 */
	void drainSorted(int[] rowsOut, float[] scoresOut) {
		// Popping the worst row k times fills the arrays from the back: O(k log k).
		while (this.size > 0) {
			int last = --this.size;
			rowsOut[last] = this.rows[0];
			scoresOut[last] = this.scores[0];
			this.rows[0] = this.rows[last];
			this.scores[0] = this.scores[last];
			siftDown(0);
		}
	}

	private static boolean better(int row, float score, int otherRow, float otherScore) {
		return score > otherScore || (score == otherScore && row < otherRow);
	}

	private void siftUp(int i) {
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!better(this.rows[parent], this.scores[parent], this.rows[i], this.scores[i])) {
				return;
			}
			swap(i, parent);
			i = parent;
		}
	}

	private void siftDown(int i) {
		while (true) {
			int worst = i;
			int left = 2 * i + 1;
			int right = left + 1;
			if (left < this.size && better(this.rows[worst], this.scores[worst], this.rows[left], this.scores[left])) {
				worst = left;
			}
			if (right < this.size
					&& better(this.rows[worst], this.scores[worst], this.rows[right], this.scores[right])) {
				worst = right;
			}
			if (worst == i) {
				return;
			}
			swap(i, worst);
			i = worst;
		}
	}

	private void swap(int a, int b) {
		int row = this.rows[a];
		this.rows[a] = this.rows[b];
		this.rows[b] = row;
		float score = this.scores[a];
		this.scores[a] = this.scores[b];
		this.scores[b] = score;
	}

}
