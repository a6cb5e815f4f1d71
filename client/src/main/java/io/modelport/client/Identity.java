package io.modelport.client;

import java.time.Instant;
import java.util.List;

/**
 * An enrolled identity of a face gallery.
 *
 * @param identity the identity
 * @param faces the faces enrolled
 * @param versions the model versions its embeddings come from
 * @param imagesStored whether the images are kept
 * @param stale whether its embeddings come from another version than the default
 * @param enrolledAt when it was enrolled
 * @author Modelport Team
 */
public record Identity(String identity, int faces, List<Integer> versions, boolean imagesStored, boolean stale,
		Instant enrolledAt) {

}
