package io.modelport.robustness;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile values: strings that traverse paths, break parsers or carry odd
 * code points; numbers at and past every boundary, written as JSON or as query text;
 * random JSON, deep nesting and invalid UTF-8.
 *
 * @author Modelport Team
 */
final class Nasty {

	static final List<String> TRAVERSALS = List.of("..", "../..", "../outside/evil", "../../outside/secret.txt",
			"..%2f..%2foutside", "%2e%2e", "%2e%2e%2f%2e%2e%2foutside", "..\\..\\outside", "..%5c..%5coutside",
			"/etc/passwd", "%2fetc%2fpasswd", "C:\\Windows\\win.ini", "a%00b", "evil%00.png", "....//....//outside",
			"%252e%252e%252f", "..;/outside", ".", "./", "~", "\u2025", "%c0%ae%c0%ae%2f");

	private static final List<String> STRINGS = List.of("", " ", "\t\n", "null", "undefined", "true", "0", "-1", "NaN",
			"Infinity", "1e309", "99999999999999999999999", "' OR '1'='1", "\"; DROP TABLE x; --",
			"${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "%s%s%n%x", "\u0000", "a\u0000b", "\u202e\u200b",
			"\ud83d\ude00\ud83d\udc4d", "\ud800", "\udfff", "\uffff\ufffe", "I\u0307stanbul",
			"\u00e9\u0301\u0301\u0301", "KING", "king", "man woman", "3 Mar 2021", "12/25/99", "tiny-fashion",
			"pixel-faces");

	static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "2", "3", "5", "16", "17", "64", "65", "100",
			"255", "256", "257", "1000", "1001", "10000", "10001", "2147483647", "2147483648", "-2147483648",
			"-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
			"99999999999999999999999999999", "0.5", "-0.5", "1.5", "4.0001", "1e-320", "1e308", "1e309", "-1e309",
			"3.4028236e38", "NaN", "-NaN", "Infinity", "-Infinity", "0x10", "1_000", "+1", "01", "1.", ".5");

	private Nasty() {
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** A hostile or odd string, sometimes very long. */
	static String string(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> pick(random, TRAVERSALS);
			case 1 -> pick(random, NUMBERS);
			case 2 -> pick(random, STRINGS).repeat(1 + random.nextInt(3));
			case 3 -> "x".repeat(1 << random.nextInt(17));
			case 4 -> randomCodePoints(random, random.nextInt(40));
			default -> pick(random, STRINGS);
		};
	}

	/** A number as it would appear in a query string or as a JSON token. */
	static String number(Random random) {
		return (random.nextInt(5) == 0) ? Integer.toString(random.nextInt(2000) - 1000) : pick(random, NUMBERS);
	}

	/**
	 * A JSON value for a numeric field: mostly numbers (also NaN and Infinity, which
	 * strict JSON does not allow), sometimes another type.
	 */
	static String jsonNumber(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> jsonString(string(random));
			case 1 -> pick(random, List.of("null", "true", "[]", "{}", "[1,2]", "{\"a\":1}"));
			default -> number(random);
		};
	}

	/** Any JSON value, nested up to the given depth. */
	static String jsonValue(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 7 : 5);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(random.nextBoolean());
			case 2 -> number(random);
			case 3, 4 -> jsonString(string(random));
			case 5 -> {
				StringBuilder array = new StringBuilder("[");
				int n = random.nextInt(4);
				for (int i = 0; i < n; i++) {
					array.append((i > 0) ? "," : "").append(jsonValue(random, depth - 1));
				}
				yield array.append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				int n = random.nextInt(4);
				for (int i = 0; i < n; i++) {
					object.append((i > 0) ? "," : "")
						.append(jsonString(string(random)))
						.append(':')
						.append(jsonValue(random, depth - 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	/** Arrays or objects nested {@code depth} levels deep. */
	static String deepJson(Random random, int depth) {
		boolean arrays = random.nextBoolean();
		String open = arrays ? "[" : "{\"a\":";
		String close = arrays ? "]" : "}";
		return open.repeat(depth) + "1" + close.repeat(depth);
	}

	/** A JSON string literal, escaped as a serializer would escape it. */
	static String jsonString(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** Bytes that are not valid UTF-8: stray continuation, overlong, surrogate, cut. */
	static byte[] invalidUtf8(Random random, String around) {
		byte[][] bad = { { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xE2, (byte) 0x82 }, { (byte) 0xFF, (byte) 0xFE }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80 } };
		byte[] text = around.getBytes(StandardCharsets.UTF_8);
		int at = random.nextInt(text.length + 1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(text, 0, at);
		out.writeBytes(bad[random.nextInt(bad.length)]);
		out.write(text, at, text.length - at);
		return out.toByteArray();
	}

	static byte[] randomBytes(Random random, int max) {
		byte[] bytes = new byte[random.nextInt(max + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A value percent-encoded for a query string or a path segment. */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String randomCodePoints(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(0x80);
				case 1 -> random.nextInt(0x800);
				case 2 -> random.nextInt(0x10000);
				default -> random.nextInt(Character.MAX_CODE_POINT + 1);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

}
