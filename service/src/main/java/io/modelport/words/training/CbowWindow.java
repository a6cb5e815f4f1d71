package io.modelport.words.training;

import java.util.List;

/**
 * One CBOW training example: the words around a position predict the word at it.
 *
 * @param center the row of the word to predict
 * @param context the rows of the words around it, left to right
 * @author Modelport Team
 */
public record CbowWindow(int center, List<Integer> context) {

	public CbowWindow {
		context = List.copyOf(context);
	}

}
