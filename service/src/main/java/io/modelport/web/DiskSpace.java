package io.modelport.web;

/**
 * Recognises a full disk. Java reports {@code ENOSPC} and {@code EDQUOT} as plain
 * {@link java.io.IOException}s, so the operating system's message is the only sign.
 *
 * @author Modelport Team
 */
final class DiskSpace {

	private DiskSpace() {
	}

	/**
	 * Whether a failure, or one of its causes, is the disk or the quota being full.
	 * @param failure the failure
	 * @return {@code true} when nothing more could be written
	 */
	static boolean isFull(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null
					&& (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
				return true;
			}
		}
		return false;
	}

}
