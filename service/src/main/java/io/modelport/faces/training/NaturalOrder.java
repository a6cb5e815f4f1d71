package io.modelport.faces.training;

import java.util.Comparator;

/**
 * Orders names the way people number folders and files: runs of digits compare as
 * numbers, so {@code s2} comes before {@code s10} and {@code 9.pgm} before
 * {@code 10.pgm}. Names that differ only in leading zeros fall back to plain string
 * order, so the order stays total and stable.
 *
 * @author Modelport Team
 */
final class NaturalOrder implements Comparator<String> {

	static final NaturalOrder INSTANCE = new NaturalOrder();

	private NaturalOrder() {
	}

	@Override
	public int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
				int endA = digitsEnd(a, i);
				int endB = digitsEnd(b, j);
				int order = compareNumbers(a.substring(i, endA), b.substring(j, endB));
				if (order != 0) {
					return order;
				}
				i = endA;
				j = endB;
			}
			else {
				if (a.charAt(i) != b.charAt(j)) {
					return Character.compare(a.charAt(i), b.charAt(j));
				}
				i++;
				j++;
			}
		}
		int remaining = Integer.compare(a.length() - i, b.length() - j);
		return (remaining != 0) ? remaining : a.compareTo(b);
	}

	private static int digitsEnd(String text, int start) {
		int end = start;
		while (end < text.length() && Character.isDigit(text.charAt(end))) {
			end++;
		}
		return end;
	}

	// Compares digit runs of any length without parsing, so huge numbers cannot overflow.
	private static int compareNumbers(String a, String b) {
		String x = stripZeros(a);
		String y = stripZeros(b);
		return (x.length() != y.length()) ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
	}

	private static String stripZeros(String digits) {
		int start = 0;
		while (start < digits.length() - 1 && digits.charAt(start) == '0') {
			start++;
		}
		return digits.substring(start);
	}

}
