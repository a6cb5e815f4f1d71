package io.modelport.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives for data set uploads: well formed ones of class folders, ones whose entry
 * names try to leave the extraction folder, and corrupt ones.
 *
 * @author Modelport Team
 */
final class Zips {

	/** Entry names that must never be extracted where they point. */
	static final List<String> ESCAPING = List.of("../slipped.png", "../../outside/slipped.png", "/tmp/slipped.png",
			"a/../../slipped.png", "..\\slipped.png", "a\\..\\..\\slipped.png", "C:/slipped.png", "C:\\slipped.png",
			"a/./../../slipped.png", "slipped\u0000.png", "a/" + "x".repeat(300) + ".png",
			"y".repeat(5000) + "/slipped.png", "./../slipped.png", "a//../../slipped.png");

	private Zips() {
	}

	/**
	 * An archive of the given entries.
	 * @param entries entry name to content
	 * @return the zip bytes
	 */
	static byte[] of(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Two class folders of images, some entries hostile, sometimes corrupted. */
	static byte[] any(Random random) {
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		int count = 1 + random.nextInt(6);
		for (int i = 0; i < count; i++) {
			String name = (random.nextInt(4) == 0) ? Nasty.pick(random, ESCAPING)
					: "class-" + (i % 2) + "/" + i + ".png";
			entries.putIfAbsent(name, Images.any(random));
		}
		byte[] zip = of(entries);
		return (random.nextInt(4) == 0) ? Images.mutate(random, zip) : zip;
	}

}
