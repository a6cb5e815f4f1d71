package io.modelport.faces.gallery;

import java.time.Instant;
import java.util.List;

/**
 * An enrolled identity as the gallery endpoints show it.
 *
 * @param identity the identity
 * @param faces the number of enrolled faces
 * @param versions the model versions its embeddings were computed with
 * @param imagesStored whether the images are kept, so embeddings can be recomputed
 * @param stale whether the model's default version cannot compare against it: it has no
 * embeddings from that version and no images to compute them from (enrol it again)
 * @param enrolledAt when it was enrolled
 * @author Modelport Team
 */
public record IdentityView(String identity, int faces, List<Integer> versions, boolean imagesStored, boolean stale,
		Instant enrolledAt) {

}
