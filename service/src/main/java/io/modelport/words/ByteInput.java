package io.modelport.words;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered byte reader that knows its position, so format errors can say where in the
 * file they are. Closing is left to whoever opened the stream.
 *
 * @author Modelport Team
 */
final class ByteInput {

	private final InputStream in;

	private final byte[] buffer = new byte[1 << 16];

	private int next;

	private int limit;

	private long position;

	ByteInput(InputStream in) {
		this.in = in;
	}

	/**
	 * The offset of the next byte from the start of the stream.
	 * @return the position
	 */
	long position() {
		return this.position;
	}

	/**
	 * The next byte without consuming it.
	 * @return the byte (0-255), or -1 at the end of the stream
	 */
	int peek() throws IOException {
		if (this.next == this.limit && !fill()) {
			return -1;
		}
		return this.buffer[this.next] & 0xFF;
	}

	int read() throws IOException {
		int value = peek();
		if (value >= 0) {
			this.next++;
			this.position++;
		}
		return value;
	}

	/**
	 * Bytes up to a delimiter, which is consumed but not returned.
	 * @param delimiter the byte that ends the run
	 * @param max the most bytes before the delimiter
	 * @param what what the bytes are, for error messages
	 * @return the bytes, or {@code null} at the end of the stream before any byte
	 * @throws IOException when the run is longer than {@code max} or the stream ends
	 * first
	 */
	byte[] readUntil(int delimiter, int max, String what) throws IOException {
		long start = this.position;
		byte[] bytes = new byte[Math.min(max, 64)];
		int length = 0;
		while (true) {
			int value = read();
			if (value == delimiter) {
				return Arrays.copyOf(bytes, length);
			}
			if (value < 0) {
				if (length == 0) {
					return null;
				}
				throw new IOException("truncated at byte " + this.position + ": " + what + " starting at byte " + start
						+ " is not terminated");
			}
			if (length == max) {
				throw new IOException(what + " at byte " + start + " is longer than " + max + " bytes");
			}
			if (length == bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.min(max, bytes.length * 2));
			}
			bytes[length++] = (byte) value;
		}
	}

	/**
	 * Fills an array completely.
	 * @param target the array
	 * @return how many bytes were read: less than its length only at the end of the
	 * stream
	 */
	int readFully(byte[] target) throws IOException {
		int filled = 0;
		while (filled < target.length) {
			if (this.next == this.limit && !fill()) {
				return filled;
			}
			int count = Math.min(target.length - filled, this.limit - this.next);
			System.arraycopy(this.buffer, this.next, target, filled, count);
			this.next += count;
			this.position += count;
			filled += count;
		}
		return filled;
	}

	private boolean fill() throws IOException {
		int count = this.in.read(this.buffer);
		if (count <= 0) {
			// InputStream.read never returns 0 for a non-empty array; -1 is the end.
			return false;
		}
		this.next = 0;
		this.limit = count;
		return true;
	}

}
