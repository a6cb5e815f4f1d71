package io.modelport.words;

/**
 * The candidates of one nearest-neighbour search: the rows with the highest cosine
 * similarity to the query, best first. The engine returns a fixed number of them; the
 * service drops excluded rows and keeps the first k.
 *
 * @param rows the vocabulary rows
 * @param scores the cosine similarity of each row to the query
 * @author Modelport Team
 */
public record NearestRows(int[] rows, float[] scores) {

}
