package io.modelport.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an answer with the JSON a README comment shows: every {@code "field":value}
 * pair with a plain value (string, whole number, {@code true}, {@code false},
 * {@code null}) must appear in the answer as written; a decimal must match to 4 places,
 * or to its shown digits where the comment writes {@code 0.99...}. Arrays and objects
 * shown as {@code [...]} or {@code ...} are not compared.
 *
 * @author Modelport Team
 */
final class AnswerFields {

	private static final Pattern PAIR = Pattern.compile(
			"\"([^\"]+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?(?:\\.\\.\\.)?|true|false|null)");

	private AnswerFields() {
	}

	/**
	 * The shown fields the answer does not have.
	 * @param shown the comment's JSON
	 * @param answer the answer's body
	 * @return the mismatches, empty when it matches
	 */
	static List<String> mismatches(String shown, String answer) {
		List<String> mismatches = new ArrayList<>();
		Matcher pair = PAIR.matcher(shown);
		while (pair.find()) {
			String key = pair.group(1);
			String value = pair.group(2);
			if (!matches(key, value, answer)) {
				mismatches.add("\"" + key + "\":" + value);
			}
		}
		return mismatches;
	}

	private static boolean matches(String key, String value, String answer) {
		boolean decimal = value.matches("-?\\d+\\.\\d+.*|-?\\d+[eE].*");
		if (!decimal) {
			return answer.contains("\"" + key + "\":" + value);
		}
		boolean prefix = value.endsWith("...");
		String digits = prefix ? value.substring(0, value.length() - 3) : value;
		double expected = Double.parseDouble(digits);
		// "0.99..." means a value whose shown digits are 0.99: 0.99 to 1.0 (an answer may
		// round up to the next digit); "-0.01..." means -0.02 to -0.01.
		int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
		double step = Math.pow(10, -decimals);
		double low = (expected >= 0) ? expected : expected - step;
		double high = (expected >= 0) ? expected + step : expected;
		Matcher actual = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[\\d.eE-]+)").matcher(answer);
		while (actual.find()) {
			try {
				double number = Double.parseDouble(actual.group(1));
				boolean close = prefix ? number >= low - 1e-12 && number <= high + 1e-12
						: Math.abs(number - expected) <= 1e-4 * Math.max(1, Math.abs(expected));
				if (close) {
					return true;
				}
			}
			catch (NumberFormatException ex) {
				// not a number after all; keep looking
			}
		}
		return false;
	}

}
