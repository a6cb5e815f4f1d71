package io.modelport.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test: a real file system that fills up, so a write fails
 * with {@code ENOSPC} at an arbitrary point, as on a full production disk. Mounting needs
 * root on Linux; elsewhere the test skips, unless
 * {@code -Dmodelport.test.tmpfs.required=true} (CI runs as root) makes that a failure.
 *
 * @author Modelport Team
 */
final class Tmpfs implements AutoCloseable {

	private final Path mountPoint;

	private Tmpfs(Path mountPoint) {
		this.mountPoint = mountPoint;
	}

	/**
	 * Mounts a new tmpfs, or skips the test.
	 * @param kib its size in KiB
	 * @return the mounted file system
	 */
	static Tmpfs mount(int kib) {
		try {
			Path mountPoint = Files.createTempDirectory("modelport-tmpfs");
			String failure = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs",
					mountPoint.toString());
			if (failure != null) {
				Files.delete(mountPoint);
				Assumptions.assumeTrue(Boolean.getBoolean("modelport.test.tmpfs.required"),
						"cannot mount a tmpfs (root on Linux needed): " + failure);
				throw new IllegalStateException("a tmpfs is required but cannot be mounted: " + failure);
			}
			return new Tmpfs(mountPoint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path root() {
		return this.mountPoint;
	}

	/**
	 * Writes a file that leaves only about the given space free.
	 * @param freeBytes the space to leave
	 * @return the filler, to delete to free the space again
	 */
	Path fill(long freeBytes) {
		Path filler = this.mountPoint.resolve("filler");
		try {
			long free = Files.getFileStore(this.mountPoint).getUsableSpace();
			Files.write(filler, new byte[(int) Math.max(0, free - freeBytes)]);
			return filler;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		String failure = run("umount", "-l", this.mountPoint.toString());
		if (failure != null) {
			throw new IOException("cannot unmount " + this.mountPoint + ": " + failure);
		}
		Files.deleteIfExists(this.mountPoint);
	}

	// The failure's output, or null when the command succeeded.
	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes()).strip();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "timed out";
			}
			return (process.exitValue() == 0) ? null : output + " (exit " + process.exitValue() + ")";
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
