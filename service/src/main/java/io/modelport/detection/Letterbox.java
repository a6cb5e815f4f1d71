package io.modelport.detection;

import java.awt.image.BufferedImage;

import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.InputSpec;

/**
 * Fits an image into the model input without distorting it: scale by the smaller of the
 * two ratios, centre, pad the rest. Boxes found in the input map back to the original
 * image through the inverse: subtract the padding, divide by the scale, clip.
 *
 * @param scale input pixels per original pixel
 * @param offsetX the left padding in input pixels
 * @param offsetY the top padding in input pixels
 * @param contentWidth the scaled image width in input pixels
 * @param contentHeight the scaled image height in input pixels
 * @param imageWidth the original width
 * @param imageHeight the original height
 * @author Modelport Team
 */
public record Letterbox(float scale, int offsetX, int offsetY, int contentWidth, int contentHeight, int imageWidth,
		int imageHeight) {

	/**
	 * The letterbox of an image for an input size.
	 * @param imageWidth the image width
	 * @param imageHeight the image height
	 * @param inputWidth the model input width
	 * @param inputHeight the model input height
	 * @return the geometry
	 */
	public static Letterbox of(int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
		float scale = Math.min((float) inputWidth / imageWidth, (float) inputHeight / imageHeight);
		int width = Math.max(1, Math.min(inputWidth, Math.round(imageWidth * scale)));
		int height = Math.max(1, Math.min(inputHeight, Math.round(imageHeight * scale)));
		return new Letterbox(scale, (inputWidth - width) / 2, (inputHeight - height) / 2, width, height, imageWidth,
				imageHeight);
	}

	/**
	 * The input tensor of an image.
	 * @param image the image this letterbox was computed for
	 * @param spec the model input spec
	 * @param pad the raw gray level of the padding
	 * @return the tensor
	 */
	public float[] tensor(BufferedImage image, InputSpec spec, int pad) {
		return ImagePreprocessor.toTensor(image, spec, this.contentWidth, this.contentHeight, this.offsetX,
				this.offsetY, pad);
	}

	/**
	 * Maps a box from original image pixels into input pixels (for training targets).
	 * @param box the box in image pixels
	 * @return the box in input pixels
	 */
	public BoundingBox toInput(BoundingBox box) {
		float sx = (float) this.contentWidth / this.imageWidth;
		float sy = (float) this.contentHeight / this.imageHeight;
		return new BoundingBox(box.x() * sx + this.offsetX, box.y() * sy + this.offsetY, box.width() * sx,
				box.height() * sy);
	}

	/**
	 * Maps a box from input pixels back to original image pixels, clipped to the image.
	 * @param box the box in input pixels
	 * @return the box in image pixels
	 */
	public BoundingBox toImage(BoundingBox box) {
		// The content was resized to whole pixels, so each axis has its own exact ratio.
		float sx = (float) this.contentWidth / this.imageWidth;
		float sy = (float) this.contentHeight / this.imageHeight;
		float left = clip((box.x() - this.offsetX) / sx, this.imageWidth);
		float top = clip((box.y() - this.offsetY) / sy, this.imageHeight);
		float right = clip((box.right() - this.offsetX) / sx, this.imageWidth);
		float bottom = clip((box.bottom() - this.offsetY) / sy, this.imageHeight);
		return new BoundingBox(left, top, right - left, bottom - top);
	}

	private static float clip(float value, int limit) {
		return Math.max(0, Math.min(limit, value));
	}

}
