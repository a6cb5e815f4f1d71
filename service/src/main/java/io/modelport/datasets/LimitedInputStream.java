package io.modelport.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.modelport.web.PayloadTooLargeException;

/**
 * Counts the bytes read from a stream and fails as soon as they pass a limit, whatever
 * the sender declared.
 *
 * @author Modelport Team
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	long count() {
		return this.count;
	}

	@Override
	public int read() throws IOException {
		int value = super.read();
		if (value >= 0) {
			add(1);
		}
		return value;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			add(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		add(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void add(long read) throws PayloadTooLargeException {
		this.count += read;
		if (this.count > this.limit) {
			throw new PayloadTooLargeException("the upload is larger than the limit of " + this.limit + " bytes");
		}
	}

}
