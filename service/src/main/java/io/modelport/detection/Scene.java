package io.modelport.detection;

import java.util.List;

/**
 * An image with the objects labelled in it, for detector training and evaluation.
 *
 * @param width the image width in pixels
 * @param height the image height in pixels
 * @param channels 1 (gray) or 3 (RGB)
 * @param pixels the pixels, row-major, channels interleaved (HWC), 0-255 as unsigned
 * bytes
 * @param objects the labelled objects, boxes in pixels of this image
 * @author Modelport Team
 */
public record Scene(int width, int height, int channels, byte[] pixels, List<GroundTruth> objects) {

	public Scene {
		if (pixels.length != width * height * channels) {
			throw new IllegalArgumentException(
					"expected " + width * height * channels + " pixel values, got " + pixels.length);
		}
		objects = List.copyOf(objects);
	}

}
