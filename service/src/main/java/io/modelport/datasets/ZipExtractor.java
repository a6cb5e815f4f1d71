package io.modelport.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.modelport.core.InvalidRequestException;
import io.modelport.web.PayloadTooLargeException;

/**
 * Extracts an uploaded zip archive as it streams in, refusing path traversal (zip slip),
 * too many entries, too many uncompressed bytes and entries that expand suspiciously well
 * (zip bombs). Sizes are counted as bytes are written, headers are never trusted.
 * {@code __MACOSX/} and dot-files are read but not written. One instance per archive.
 *
 * @author Modelport Team
 */
final class ZipExtractor {

	private static final long RATIO_THRESHOLD = 1024 * 1024;

	private static final String MAC_FOLDER = "__MACOSX";

	private static final int MAX_SEGMENT_BYTES = 255;

	private static final int MAX_NAME_BYTES = 1024;

	private final DatasetProperties properties;

	private final byte[] buffer = new byte[64 * 1024];

	private long written;

	ZipExtractor(DatasetProperties properties) {
		this.properties = properties;
	}

	/**
	 * Extracts an archive.
	 * @param in the archive bytes, counted so the compressed size of each entry is known
	 * @param target the empty folder to extract into
	 * @return the number of bytes written
	 * @throws IOException when a file cannot be written
	 * @throws PayloadTooLargeException when the archive has too many entries or bytes
	 * @throws InvalidRequestException when the archive is corrupt or unsafe
	 */
	long extract(LimitedInputStream in, Path target) throws IOException {
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				entries++;
				if (entries > this.properties.maxEntries()) {
					throw new PayloadTooLargeException(
							"the archive has more than " + this.properties.maxEntries() + " entries");
				}
				List<String> segments = segments(entry.getName(), target);
				boolean ignored = segments.isEmpty() || segments.get(0).equals(MAC_FOLDER)
						|| segments.stream().anyMatch((segment) -> segment.startsWith("."));
				Path path = target.resolve(String.join("/", segments));
				if (ignored || entry.isDirectory()) {
					if (!ignored) {
						Files.createDirectories(path);
					}
					copy(zip, in, entry.getName(), null);
					continue;
				}
				Files.createDirectories(path.getParent());
				try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
					copy(zip, in, entry.getName(), out);
				}
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new InvalidRequestException(
					"the archive has duplicate or conflicting entries: " + target.relativize(Path.of(ex.getFile())));
		}
		catch (ZipException | EOFException | IllegalArgumentException ex) {
			throw new InvalidRequestException("the upload is not a valid zip archive: " + ex.getMessage());
		}
		if (entries == 0) {
			throw new InvalidRequestException("the upload is not a zip archive or the archive is empty");
		}
		return this.written;
	}

	private void copy(ZipInputStream zip, LimitedInputStream in, String name, OutputStream out) throws IOException {
		long start = in.count();
		long entryBytes = 0;
		int read;
		while ((read = zip.read(this.buffer)) > 0) {
			entryBytes += read;
			this.written += read;
			if (this.written > this.properties.maxUncompressedSize().toBytes()) {
				throw new PayloadTooLargeException("the archive expands to more than the limit of "
						+ this.properties.maxUncompressedSize().toBytes() + " bytes");
			}
			long compressed = Math.max(1, in.count() - start);
			if (entryBytes > RATIO_THRESHOLD && entryBytes > compressed * this.properties.maxCompressionRatio()) {
				throw new InvalidRequestException("the archive entry '" + name + "' expands more than "
						+ this.properties.maxCompressionRatio() + " times: it looks like a zip bomb");
			}
			if (out != null) {
				out.write(this.buffer, 0, read);
			}
		}
	}

	private static List<String> segments(String name, Path target) {
		if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
			throw unsafe(name, "has an absolute path");
		}
		if (name.contains("\\")) {
			throw unsafe(name, "contains a backslash");
		}
		// Longer names fail in the file system (ENAMETOOLONG), not as a bad upload.
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw unsafe(name.substring(0, 64) + "...", "has a name longer than " + MAX_NAME_BYTES + " bytes");
		}
		List<String> segments = new ArrayList<>();
		for (String segment : name.split("/")) {
			if (segment.equals("..")) {
				throw unsafe(name, "points outside the archive (zip slip)");
			}
			if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
				throw unsafe(name.substring(0, Math.min(name.length(), 64)) + "...",
						"has a file or folder name longer than " + MAX_SEGMENT_BYTES + " bytes");
			}
			if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		try {
			Path resolved = target.resolve(String.join("/", segments)).normalize();
			if (!resolved.startsWith(target)) {
				throw unsafe(name, "points outside the archive (zip slip)");
			}
		}
		catch (InvalidPathException ex) {
			throw unsafe(name, "is not a valid file name");
		}
		return segments;
	}

	private static InvalidRequestException unsafe(String name, String reason) {
		return new InvalidRequestException("the archive entry '" + name + "' " + reason);
	}

	/**
	 * Finds the one folder that wraps everything else, as archives made by zipping a
	 * folder have.
	 * @param root the extracted archive
	 * @param holdingFolders whether the wrapper must itself hold folders (class folders)
	 * @return the wrapping folder, or {@code root} when there is none
	 * @throws IOException when the folder cannot be listed
	 */
	static Path unwrap(Path root, boolean holdingFolders) throws IOException {
		List<Path> children = Folders.children(root);
		if (children.size() != 1 || !Files.isDirectory(children.get(0))) {
			return root;
		}
		Path wrapper = children.get(0);
		if (holdingFolders && Folders.children(wrapper).stream().noneMatch(Files::isDirectory)) {
			return root;
		}
		return wrapper;
	}

}
