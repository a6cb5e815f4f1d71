package io.modelport.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * Reads image parts of multipart requests. Multipart parsing allows large data set
 * uploads, so the images of an inference request are held to the API limit here.
 *
 * @author Modelport Team
 */
public final class ImageParts {

	private ImageParts() {
	}

	/**
	 * Reads one image part.
	 * @param part the part
	 * @param limits the API limits
	 * @return the bytes
	 * @throws PayloadTooLargeException when the part exceeds the request size limit
	 * @throws IOException when the part cannot be read
	 */
	public static byte[] bytes(MultipartFile part, ApiProperties limits) throws IOException {
		return all(List.of(part), limits).get(0);
	}

	/**
	 * Reads image parts whose sizes together are held to the request size limit.
	 * @param parts the parts
	 * @param limits the API limits
	 * @return the bytes of each part, in order
	 * @throws PayloadTooLargeException when the parts together exceed the limit
	 * @throws IOException when a part cannot be read
	 */
	public static List<byte[]> all(List<MultipartFile> parts, ApiProperties limits) throws IOException {
		long total = parts.stream().mapToLong(MultipartFile::getSize).sum();
		long limit = limits.maxRequestSize().toBytes();
		if (total > limit) {
			throw new PayloadTooLargeException(
					"the image" + ((parts.size() > 1) ? "s have " : " has ") + total + " bytes, the limit is " + limit);
		}
		List<byte[]> images = new ArrayList<>(parts.size());
		for (MultipartFile part : parts) {
			images.add(part.getBytes());
		}
		return images;
	}

}
