package io.modelport.faces.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A labelled set of gray face images of one size: the identity names, and per image the
 * index of its identity and its pixels. Immutable: arrays are copied in and out, and the
 * pixels of all images are held in one array, image after image, row-major.
 *
 * @author Modelport Team
 */
public final class FaceImages {

	private final List<String> identities;

	private final int[] labels;

	private final int width;

	private final int height;

	private final byte[] pixels;

	/**
	 * Creates a face set.
	 * @param identities the identity names, indexed by label
	 * @param labels the identity index of each image
	 * @param width the image width
	 * @param height the image height
	 * @param pixels all pixels, image after image, row-major, 0-255 as unsigned bytes
	 * @throws IllegalArgumentException when the sizes disagree or a label is out of range
	 */
	public FaceImages(List<String> identities, int[] labels, int width, int height, byte[] pixels) {
		if (width < 1 || height < 1 || pixels.length != (long) labels.length * width * height) {
			throw new IllegalArgumentException(
					pixels.length + " pixel bytes do not hold " + labels.length + " images of " + width + "x" + height);
		}
		for (int label : labels) {
			if (label < 0 || label >= identities.size()) {
				throw new IllegalArgumentException(
						"label " + label + " names none of " + identities.size() + " identities");
			}
		}
		this.identities = List.copyOf(identities);
		this.labels = labels.clone();
		this.width = width;
		this.height = height;
		this.pixels = pixels.clone();
	}

	/**
	 * Reads a folder with one sub-folder per identity, named after it, each holding that
	 * person's images (binary PGM, PNG or JPEG; other files are ignored). Folders and
	 * files are taken in natural order ({@code s2} before {@code s10}) so labels are
	 * stable.
	 * @param root the folder
	 * @param maxPixels the largest width × height accepted for one image
	 * @return the face set
	 * @throws IOException when a file cannot be read
	 * @throws IllegalArgumentException when an image is malformed or of another size than
	 * the first (the message names the file), or there are fewer than 2 identities or an
	 * identity has fewer than 2 images (no same-person pair can be formed)
	 */
	public static FaceImages readFolders(Path root, long maxPixels) throws IOException {
		return FaceFolders.read(root, maxPixels);
	}

	/**
	 * The identity names, indexed by label.
	 * @return the names
	 */
	public List<String> identities() {
		return this.identities;
	}

	/**
	 * The number of images.
	 * @return the count
	 */
	public int count() {
		return this.labels.length;
	}

	/**
	 * The image width.
	 * @return the width in pixels
	 */
	public int width() {
		return this.width;
	}

	/**
	 * The image height.
	 * @return the height in pixels
	 */
	public int height() {
		return this.height;
	}

	/**
	 * The identity of one image.
	 * @param image the image index
	 * @return the index into {@link #identities()}
	 */
	public int label(int image) {
		return this.labels[image];
	}

	/**
	 * The identity of every image.
	 * @return a copy of the labels
	 */
	public int[] labels() {
		return this.labels.clone();
	}

	/**
	 * The images of one identity.
	 * @param identity the identity index
	 * @return their indexes, ascending
	 */
	public int[] imagesOf(int identity) {
		return IntStream.range(0, this.labels.length).filter((i) -> this.labels[i] == identity).toArray();
	}

	/**
	 * The pixels of one image.
	 * @param image the image index
	 * @return a copy of its width × height values, row-major
	 */
	public byte[] pixels(int image) {
		int size = this.width * this.height;
		return Arrays.copyOfRange(this.pixels, image * size, (image + 1) * size);
	}

	/**
	 * One pixel value.
	 * @param image the image index
	 * @param x the column
	 * @param y the row
	 * @return the value, 0-255
	 */
	public int pixel(int image, int x, int y) {
		return this.pixels[(image * this.height + y) * this.width + x] & 0xFF;
	}

	/**
	 * One image as an 8-bit gray picture, its values exactly as stored.
	 * @param image the image index
	 * @return the picture
	 */
	public BufferedImage toImage(int image) {
		BufferedImage picture = new BufferedImage(this.width, this.height, BufferedImage.TYPE_BYTE_GRAY);
		picture.getRaster().setDataElements(0, 0, this.width, this.height, pixels(image));
		return picture;
	}

	/**
	 * The images of some identities: a split keeps identity names, and its labels index
	 * its own identity list.
	 * @param chosen the identity indexes to keep, in the order the new set lists them
	 * @return the new set, its images in their original order
	 */
	public FaceImages withIdentities(int[] chosen) {
		int[] newLabel = new int[this.identities.size()];
		Arrays.fill(newLabel, -1);
		List<String> names = new ArrayList<>();
		for (int identity : chosen) {
			if (identity < 0 || identity >= newLabel.length || newLabel[identity] >= 0) {
				throw new IllegalArgumentException("identity " + identity + " is unknown or chosen twice");
			}
			newLabel[identity] = names.size();
			names.add(this.identities.get(identity));
		}
		int size = this.width * this.height;
		int[] kept = IntStream.range(0, count()).filter((i) -> newLabel[this.labels[i]] >= 0).toArray();
		int[] labels = new int[kept.length];
		byte[] pixels = new byte[kept.length * size];
		for (int i = 0; i < kept.length; i++) {
			labels[i] = newLabel[this.labels[kept[i]]];
			System.arraycopy(this.pixels, kept[i] * size, pixels, i * size, size);
		}
		return new FaceImages(names, labels, this.width, this.height, pixels);
	}

	/**
	 * Resizes every image with bilinear interpolation, pixel centres aligned (source
	 * position = (target + 0.5) × scale - 0.5, clamped to the border).
	 * @param width the new width
	 * @param height the new height
	 * @return the resized set, same identities and labels
	 */
	public FaceImages resize(int width, int height) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
		}
		int size = width * height;
		byte[] resized = new byte[count() * size];
		for (int image = 0; image < count(); image++) {
			GrayPicture picture = new GrayPicture(this.width, this.height, pixels(image)).resize(width, height);
			System.arraycopy(picture.pixels(), 0, resized, image * size, size);
		}
		return new FaceImages(this.identities, this.labels, width, height, resized);
	}

}
