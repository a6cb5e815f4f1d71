package io.modelport.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Data sets: {@code /api/v1/datasets}.
 *
 * @author Modelport Team
 */
public final class Datasets {

	private final Transport transport;

	Datasets(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Uploads a data set file.
	 * @param name the data set's name
	 * @param kind image-folders, idx, text, sequence-pairs, yolo or coco
	 * @param file the zip or text file
	 * @return the stored data set
	 */
	public Dataset upload(String name, String kind, Path file) {
		return upload(name, kind, file.getFileName().toString(), ModelportClient.read(file));
	}

	/**
	 * Uploads a data set.
	 * @param name the data set's name
	 * @param kind image-folders, idx, text, sequence-pairs, yolo or coco
	 * @param fileName the file's name
	 * @param content the zip or text content
	 * @return the stored data set
	 */
	public Dataset upload(String name, String kind, String fileName, byte[] content) {
		String boundary = "modelport-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "name", name);
		field(body, boundary, "kind", kind);
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return this.transport.post("/api/v1/datasets", "multipart/form-data; boundary=" + boundary, body.toByteArray(),
				Dataset.class);
	}

	/**
	 * Every data set, built-in ones first.
	 * @return the data sets
	 */
	public List<Dataset> list() {
		return Arrays.asList(this.transport.get("/api/v1/datasets", Dataset[].class));
	}

	/**
	 * One data set.
	 * @param name its name
	 * @return the data set
	 * @throws NotFoundException when there is none of that name
	 */
	public Dataset get(String name) {
		return this.transport.get("/api/v1/datasets/" + Transport.segment(name), Dataset.class);
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
