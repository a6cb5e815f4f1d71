package io.modelport.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multipart bodies written by hand, so they can also be broken: a wrong or missing
 * boundary, a cut-off body, parts without names.
 *
 * @author Modelport Team
 */
final class Multipart {

	private static final String BOUNDARY = "fuzz-7d1b4c";

	private final List<byte[]> parts = new ArrayList<>();

	Multipart file(String name, String filename, String type, byte[] content) {
		this.parts.add(part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type, content));
		return this;
	}

	Multipart field(String name, String value) {
		this.parts
			.add(part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8)));
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + BOUNDARY;
	}

	byte[] body() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.parts.forEach(out::writeBytes);
		out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/**
	 * This body, or a broken form of it.
	 * @param random the source of randomness
	 * @param path the path to post to
	 * @param method the method
	 * @return the probe
	 */
	Probe probe(Random random, String method, String path) {
		byte[] body = body();
		String type = contentType();
		switch (random.nextInt(8)) {
			case 0 -> body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
			case 1 -> type = "multipart/form-data";
			case 2 -> type = "multipart/form-data; boundary=other";
			case 3 -> type = "multipart/form-data; boundary=\"" + "b".repeat(100) + "\"";
			default -> {
			}
		}
		return new Probe(method, path, type, body, java.util.Map.of());
	}

	private static byte[] part(String headers, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

}
