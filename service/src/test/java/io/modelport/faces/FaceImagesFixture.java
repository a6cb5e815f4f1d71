package io.modelport.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.modelport.Fixtures;
import io.modelport.imaging.PngImages;

/**
 * Test faces for the {@code pixel-faces} fixture model, whose embedding is the 8×8 grid
 * of block means minus their average: each "person" is a layout of light and dark, drawn
 * at any size and brightness.
 *
 * @author Modelport Team
 */
public final class FaceImagesFixture {

	/** The fixture model's name. */
	public static final String MODEL = "pixel-faces";

	private FaceImagesFixture() {
	}

	/**
	 * Draws a person as a PNG.
	 * @param person {@code alice} (light left half), {@code bob} (light top half),
	 * {@code carol} (light centre square) or {@code stranger} (light top-left and
	 * bottom-right quarters)
	 * @param width the image width
	 * @param height the image height
	 * @param light the grey level of the light parts, 0-255 (the rest is 20)
	 * @return the PNG bytes
	 */
	public static byte[] png(String person, int width, int height, int light) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(20, 20, 20));
		g.fillRect(0, 0, width, height);
		g.setColor(new Color(light, light, light));
		switch (person) {
			case "alice" -> g.fillRect(0, 0, width / 2, height);
			case "bob" -> g.fillRect(0, 0, width, height / 2);
			case "carol" -> g.fillRect(width / 4, height / 4, width / 2, height / 2);
			case "stranger" -> {
				g.fillRect(0, 0, width / 2, height / 2);
				g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
			}
			default -> throw new IllegalArgumentException(person);
		}
		g.dispose();
		return PngImages.encode(image);
	}

	/**
	 * A model store with the {@code pixel-faces} TorchScript fixture as version 1 and,
	 * optionally, the same network as version 2 (a "retrained" version whose embeddings
	 * happen to equal version 1's); version 1 stays the default.
	 * @param withSecondVersion whether to add version 2
	 * @return the store folder
	 */
	public static Path store(boolean withSecondVersion) {
		try {
			Path store = Files.createTempDirectory("modelport-faces");
			Path source = Path.of("src/test/resources/model-store-faces/pixel-faces/1");
			Fixtures.copyTree(source, store.resolve(MODEL + "/1"));
			if (withSecondVersion) {
				Path second = store.resolve(MODEL + "/2");
				Fixtures.copyTree(source, second);
				Path descriptor = second.resolve("descriptor.yaml");
				Files.writeString(descriptor, Files.readString(descriptor).replace("version: 1", "version: 2"));
				Files.writeString(store.resolve(MODEL + "/model.yaml"), "defaultVersion: 1\n");
			}
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
