package io.modelport.faces.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An npm package tarball (gzip-compressed ustar), checked against the registry's
 * {@code dist.integrity} before any of it is read. npm tarballs hold plain files only, so
 * a small reader of 512-byte ustar headers suffices.
 *
 * @author Modelport Team
 */
final class NpmTarball {

	private static final int BLOCK = 512;

	private final Map<String, byte[]> files;

	private NpmTarball(Map<String, byte[]> files) {
		this.files = files;
	}

	/**
	 * Reads a tarball whose SHA-512 must match.
	 * @param file the .tgz
	 * @param integrity the expected {@code sha512-<base64>} value
	 * @return the files by path inside the package (without the {@code package/} prefix)
	 * @throws IOException when the file cannot be read, the digest differs or the archive
	 * is malformed
	 */
	static NpmTarball read(Path file, String integrity) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String actual = integrity(bytes);
		if (!actual.equals(integrity)) {
			throw new IOException(file + " has integrity " + actual + ", expected " + integrity);
		}
		return new NpmTarball(untar(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()));
	}

	static String integrity(byte[] bytes) {
		try {
			return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-512", ex);
		}
	}

	/**
	 * Opens one file of the package.
	 * @param path the path inside the package, for example {@code model/x.bin}
	 * @return the content
	 * @throws IllegalArgumentException when the package has no such file
	 */
	InputStream open(String path) {
		byte[] content = this.files.get(path);
		if (content == null) {
			throw new IllegalArgumentException("the package has no file " + path);
		}
		return new ByteArrayInputStream(content);
	}

	private static Map<String, byte[]> untar(byte[] tar) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		int offset = 0;
		while (offset + BLOCK <= tar.length && tar[offset] != 0) {
			String name = text(tar, offset, 100);
			String prefix = text(tar, offset + 345, 155);
			long size = Long.parseLong(text(tar, offset + 124, 12).trim(), 8);
			byte type = tar[offset + 156];
			offset += BLOCK;
			if (size < 0 || offset + size > tar.length) {
				throw new IOException("the archive is truncated at " + name);
			}
			if (type == '0' || type == 0) {
				String path = prefix.isEmpty() ? name : prefix + "/" + name;
				int slash = path.indexOf('/');
				byte[] content = new byte[(int) size];
				System.arraycopy(tar, offset, content, 0, (int) size);
				files.put((slash >= 0) ? path.substring(slash + 1) : path, content);
			}
			offset += (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
		}
		return files;
	}

	private static String text(byte[] tar, int offset, int length) {
		int end = offset;
		while (end < offset + length && tar[end] != 0) {
			end++;
		}
		return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
	}

}
