package io.modelport.faces.training;

/**
 * One decoded 8-bit gray picture.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param pixels the values, 0-255 as unsigned bytes, row-major
 * @author Modelport Team
 */
record GrayPicture(int width, int height, byte[] pixels) {

	/**
	 * Resizes with bilinear interpolation, pixel centres aligned: a target pixel samples
	 * the source at (target + 0.5) × scale - 0.5, clamped to the border, so both images
	 * cover the same area and nothing shifts by half a pixel.
	 * @param newWidth the new width
	 * @param newHeight the new height
	 * @return the resized picture
	 */
	GrayPicture resize(int newWidth, int newHeight) {
		byte[] resized = new byte[newWidth * newHeight];
		for (int y = 0; y < newHeight; y++) {
			double sy = Math.max(0, Math.min(this.height - 1, (y + 0.5) * this.height / newHeight - 0.5));
			int y0 = (int) sy;
			int y1 = Math.min(y0 + 1, this.height - 1);
			double fy = sy - y0;
			for (int x = 0; x < newWidth; x++) {
				double sx = Math.max(0, Math.min(this.width - 1, (x + 0.5) * this.width / newWidth - 0.5));
				int x0 = (int) sx;
				int x1 = Math.min(x0 + 1, this.width - 1);
				double fx = sx - x0;
				double top = value(x0, y0) * (1 - fx) + value(x1, y0) * fx;
				double bottom = value(x0, y1) * (1 - fx) + value(x1, y1) * fx;
				resized[y * newWidth + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
			}
		}
		return new GrayPicture(newWidth, newHeight, resized);
	}

	private int value(int x, int y) {
		return this.pixels[y * this.width + x] & 0xFF;
	}

}
