package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small synthetic face sets for tests: 1×1 images whose single pixel value is the
 * index of the identity they belong to, so a test can tell where an image came from.
 *
 * @author Modelport Team
 */
final class TestFaces {

	private TestFaces() {
	}

	/**
	 * A face set with one identity per entry of {@code imagesPerIdentity}, named
	 * {@code id0}, {@code id1}, ...
	 * @param imagesPerIdentity the number of images of each identity
	 * @return the face set, images grouped by identity
	 */
	static FaceImages of(int... imagesPerIdentity) {
		List<String> names = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		for (int identity = 0; identity < imagesPerIdentity.length; identity++) {
			names.add("id" + identity);
			for (int i = 0; i < imagesPerIdentity[identity]; i++) {
				labels.add(identity);
			}
		}
		byte[] pixels = new byte[labels.size()];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) labels.get(i).intValue();
		}
		return new FaceImages(names, labels.stream().mapToInt(Integer::intValue).toArray(), 1, 1, pixels);
	}

	/**
	 * A face set of equally sized identities.
	 * @param identities the number of identities
	 * @param images the images of each
	 * @return the face set
	 */
	static FaceImages uniform(int identities, int images) {
		int[] sizes = new int[identities];
		Arrays.fill(sizes, images);
		return of(sizes);
	}

}
