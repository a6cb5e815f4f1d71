package io.modelport.benchmarks.peer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator on plain keep-alive sockets: each client thread
 * sends one POST, reads the whole response, records its latency and sends the next. It
 * parses only what it needs (status, Content-Length or chunked body), so it costs the
 * shared cores much less than a full HTTP client would, and the same for both servers.
 *
 * @author Modelport Team
 */
final class LoadGenerator {

	private LoadGenerator() {
	}

	/**
	 * Runs one cell.
	 * @param port the server's port on 127.0.0.1
	 * @param path the request path
	 * @param contentType the body's content type
	 * @param body the body
	 * @param clients concurrent clients
	 * @param duration how long to measure
	 * @return the cell's figures
	 */
	static Result run(int port, String path, String contentType, byte[] body, int clients, Duration duration) {
		return run(port, path, contentType, body, clients, duration, Duration.ofSeconds(1));
	}

	/**
	 * Runs closed-loop clients for a while, waiting up to a grace period for the requests
	 * still in flight at the end (they do not count either way).
	 * @param port the port
	 * @param path the path
	 * @param contentType the body's type
	 * @param body the body
	 * @param clients the concurrency
	 * @param duration how long
	 * @param grace how long to wait for requests in flight at the end
	 * @return the result
	 */
	static Result run(int port, String path, String contentType, byte[] body, int clients, Duration duration,
			Duration grace) {
		byte[] request = request(port, path, contentType, body);
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong errors = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			long[] samples = new long[1 << 20];
			latencies.add(samples);
			Thread thread = new Thread(() -> loop(port, request, end, samples, errors, sockets), "load-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
		// A request still in flight after the grace is not waited for (a server with a
		// long queue would stretch the cell by minutes): its socket is closed and it does
		// not count. The rate is over the cell's duration.
		joinUntil(threads, end + grace.toNanos());
		sockets.forEach(LoadGenerator::closeQuietly);
		joinUntil(threads, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
		double seconds = Math.min(System.nanoTime(), end) - start;
		seconds /= 1e9;
		long count = latencies.stream().mapToLong((samples) -> samples[0]).sum();
		long[] all = new long[(int) count];
		int at = 0;
		for (long[] samples : latencies) {
			System.arraycopy(samples, 1, all, at, (int) samples[0]);
			at += (int) samples[0];
		}
		Arrays.sort(all);
		return new Result(count / seconds, percentile(all, 0.50), percentile(all, 0.99), errors.get(), count);
	}

	/**
	 * Sends one request on a new connection.
	 * @param port the port
	 * @param path the path
	 * @param contentType the body's type
	 * @param body the body
	 * @return the status and body
	 */
	static Response once(int port, String path, String contentType, byte[] body) {
		try (Socket socket = connect(port)) {
			socket.getOutputStream().write(request(port, path, contentType, body));
			return read(new BufferedInputStream(socket.getInputStream()), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// samples[0] counts the latencies stored from samples[1] on (nanoseconds).
	private static void joinUntil(List<Thread> threads, long deadline) {
		for (Thread thread : threads) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// the run is over
		}
	}

	private static void loop(int port, byte[] request, long end, long[] samples, AtomicLong errors,
			List<Socket> sockets) {
		Socket socket = null;
		try {
			while (System.nanoTime() < end) {
				if (socket == null) {
					socket = connect(port);
					sockets.add(socket);
				}
				long sent = System.nanoTime();
				try {
					OutputStream out = socket.getOutputStream();
					out.write(request);
					out.flush();
					Response response = read(new BufferedInputStream(socket.getInputStream(), 4096), false);
					if (response.status() != 200) {
						errors.incrementAndGet();
					}
					if (response.close()) {
						socket.close();
						socket = null;
					}
				}
				catch (IOException ex) {
					if (System.nanoTime() < end) {
						errors.incrementAndGet();
					}
					socket.close();
					socket = null;
					continue;
				}
				if (System.nanoTime() > end) {
					break;
				}
				long count = samples[0];
				if (count + 1 < samples.length) {
					samples[(int) count + 1] = System.nanoTime() - sent;
					samples[0] = count + 1;
				}
			}
		}
		catch (IOException ex) {
			if (System.nanoTime() < end) {
				errors.incrementAndGet();
			}
		}
		finally {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// closing after the run
				}
			}
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(120_000);
		return socket;
	}

	private static byte[] request(int port, String path, String contentType, byte[] body) {
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
				+ "\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
		System.arraycopy(body, 0, request, headBytes.length, body.length);
		return request;
	}

	// The stream is not buffered across responses: a closed-loop client has at most one
	// response in flight, so nothing of the next one can be read ahead.
	private static Response read(InputStream in, boolean keepBody) throws IOException {
		String status = line(in);
		if (status == null) {
			throw new IOException("the connection closed");
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0; size = Long
				.parseLong(line(in).split(";")[0].trim(), 16)) {
				copy(in, size, body, keepBody);
				line(in);
			}
			line(in);
		}
		else if (length >= 0) {
			copy(in, length, body, keepBody);
		}
		return new Response(code, body.toString(StandardCharsets.UTF_8), close);
	}

	private static void copy(InputStream in, long size, ByteArrayOutputStream body, boolean keep) throws IOException {
		byte[] buffer = new byte[(int) Math.min(size, 8192)];
		long left = size;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(left, buffer.length));
			if (read < 0) {
				throw new IOException("the body ends early");
			}
			if (keep) {
				body.write(buffer, 0, read);
			}
			left -= read;
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b >= 0; b = in.read()) {
			if (b == '\n') {
				int n = line.length();
				return (n > 0 && line.charAt(n - 1) == '\r') ? line.substring(0, n - 1) : line.toString();
			}
			line.append((char) b);
		}
		return (line.length() > 0) ? line.toString() : null;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	/**
	 * One cell's figures.
	 *
	 * @param perSecond completed requests per second
	 * @param p50 median latency, ms
	 * @param p99 99th percentile latency, ms
	 * @param errors non-200 responses and connection failures
	 * @param requests completed requests
	 */
	record Result(double perSecond, double p50, double p99, long errors, long requests) {

	}

	/**
	 * One response.
	 *
	 * @param status the HTTP status
	 * @param body the body, when kept
	 * @param close whether the server closes the connection
	 */
	record Response(int status, String body, boolean close) {

	}

}
