package io.modelport.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@link Probe}s to the service on 127.0.0.1 with a client timeout, so a hang fails
 * the property instead of the build, and counts the answers by status. Paths go out byte
 * for byte: {@link #raw} writes the request line itself for targets the JDK client would
 * refuse (backslashes, NUL, spaces).
 *
 * @author Modelport Team
 */
final class FuzzHttp {

	/** How long one answer may take before the property calls it a hang. */
	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	FuzzHttp(int port) {
		this.port = port;
	}

	Answer send(Probe probe) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + probe.path()))
			.timeout(TIMEOUT)
			.method(probe.method(), (probe.body().length > 0) ? HttpRequest.BodyPublishers.ofByteArray(probe.body())
					: HttpRequest.BodyPublishers.noBody());
		if (probe.contentType() != null) {
			builder.header("Content-Type", probe.contentType());
		}
		probe.headers().forEach(builder::header);
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return count(new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), since(start)));
		}
		catch (HttpTimeoutException ex) {
			throw new AssertionError("no answer within " + TIMEOUT + " to " + probe, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the service dropped " + probe, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes a request line and headers by hand and reads the status line.
	 * @param method the method
	 * @param target the request target, any bytes but CR and LF
	 * @return the answer (its body is what followed the status line)
	 */
	Answer raw(String method, String target) {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ "Content-Length: 0\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.ISO_8859_1);
			int status = Integer.parseInt(text.substring(9, 12));
			String type = text.lines()
				.takeWhile((line) -> !line.isEmpty())
				.filter((line) -> line.regionMatches(true, 0, "Content-Type:", 0, 13))
				.map((line) -> line.substring(13).strip())
				.findFirst()
				.orElse(null);
			return count(new Answer(status, type, response.toByteArray(), since(start)));
		}
		catch (java.net.SocketTimeoutException ex) {
			throw new AssertionError("no answer within " + TIMEOUT + " to " + method + " " + target, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends only the headers of a request that declares a body of the given length, and
	 * reads the answer: for limits that must refuse before the body is read.
	 * @param method the method
	 * @param path the path
	 * @param contentType the content type
	 * @param contentLength the declared length
	 * @return the answer (its body is the whole response, headers included)
	 */
	Answer declaring(String method, String path, String contentType, long contentLength) {
		long start = System.nanoTime();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			socket.getOutputStream()
				.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
						+ contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			// Read up to the end of the problem body: the server keeps the connection
			// open
			// to swallow the body it refused, so the stream never ends by itself.
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			String text = "";
			int headerEnd = -1;
			while (headerEnd < 0 || text.indexOf('}', headerEnd) < 0) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				response.write(b);
				text = response.toString(StandardCharsets.ISO_8859_1);
				headerEnd = text.indexOf("\r\n\r\n");
			}
			return count(
					new Answer(Integer.parseInt(text.substring(9, 12)), null, response.toByteArray(), since(start)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The statuses answered since the last call, and resets the count.
	 * @return status to count, by status
	 */
	static Map<Integer, Integer> takeStatuses() {
		Map<Integer, Integer> counts = new TreeMap<>();
		statuses.forEach((status, count) -> counts.put(status, count.getAndSet(0)));
		counts.values().removeIf((count) -> count == 0);
		return counts;
	}

	private static Answer count(Answer answer) {
		statuses.computeIfAbsent(answer.status(), (status) -> new AtomicInteger()).incrementAndGet();
		return answer;
	}

	private static long since(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
