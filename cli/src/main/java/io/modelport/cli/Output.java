package io.modelport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes answers as aligned text tables for people or as JSON for scripts.
 *
 * @author Modelport Team
 */
final class Output {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private final PrintWriter out;

	private final boolean json;

	Output(PrintWriter out, boolean json) {
		this.out = out;
		this.json = json;
	}

	boolean json() {
		return this.json;
	}

	/**
	 * Prints a value as indented JSON.
	 * @param value the value
	 */
	void json(Object value) {
		this.out.println(write(value, true));
		this.out.flush();
	}

	/**
	 * Prints a value as one line of JSON (for streams of events).
	 * @param value the value
	 */
	void jsonLine(Object value) {
		this.out.println(write(value, false));
		this.out.flush();
	}

	void line(String text) {
		this.out.println(text);
		this.out.flush();
	}

	/**
	 * Prints a table: a header row and rows, each column as wide as its widest cell.
	 * @param header the column names
	 * @param rows the rows
	 */
	void table(List<String> header, List<List<String>> rows) {
		List<List<String>> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		int[] widths = new int[header.size()];
		for (List<String> row : all) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (List<String> row : all) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				String cell = row.get(i);
				line.append(cell);
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths[i] - cell.length() + 2));
				}
			}
			this.out.println(line.toString().stripTrailing());
		}
		this.out.flush();
	}

	static String text(Object value) {
		return (value != null) ? value.toString() : "-";
	}

	static String number(double value) {
		return String.format(java.util.Locale.ROOT, "%.4f", value);
	}

	static String write(Object value, boolean indent) {
		try {
			return indent ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)
					: JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write the answer as JSON", ex);
		}
	}

	static <T> T read(String json, Class<T> type) throws JsonProcessingException {
		return JSON.readValue(json, type);
	}

}
