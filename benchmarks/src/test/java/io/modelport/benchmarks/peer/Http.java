package io.modelport.benchmarks.peer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare GET for readiness polls: opens a connection, asks with {@code Connection: close}
 * and returns the status code. Cheap enough to poll every 20 ms while timing a cold
 * start.
 *
 * @author Modelport Team
 */
final class Http {

	private Http() {
	}

	static int get(int port, String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			byte[] head = in.readNBytes(12);
			if (head.length < 12) {
				throw new IOException("no status line");
			}
			return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
		}
	}

}
