package io.modelport.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A training job's Server-Sent Events as a blocking iterator. It ends after the event
 * that says the job ended, or when the server closes the stream; close it to stop
 * following early.
 *
 * <pre class="code">
 * try (JobEventStream events = client.jobs().follow(id)) {
 *     events.forEachRemaining((event) -&gt; System.out.println(event.name()));
 * }
 * </pre>
 *
 * @author Modelport Team
 */
public final class JobEventStream implements Iterator<JobEvent>, AutoCloseable {

	private final Stream<String> lines;

	private final Iterator<String> source;

	private final ObjectMapper json;

	private JobEvent next;

	private boolean ended;

	JobEventStream(Stream<String> lines, ObjectMapper json) {
		this.lines = lines;
		this.source = lines.iterator();
		this.json = json;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.ended) {
			this.next = read();
			if (this.next == null) {
				close();
			}
		}
		return this.next != null;
	}

	@Override
	public JobEvent next() {
		if (!hasNext()) {
			throw new NoSuchElementException("the job's event stream has ended");
		}
		JobEvent event = this.next;
		this.next = null;
		if (event.ended()) {
			this.ended = true;
			close();
		}
		return event;
	}

	@Override
	public void close() {
		this.ended = true;
		this.lines.close();
	}

	// The text/event-stream format: "field:value" lines, an event ends at a blank line;
	// comment lines start with ':' and several data lines join with '\n'.
	private JobEvent read() {
		String name = null;
		StringBuilder data = null;
		while (this.source.hasNext()) {
			String line = this.source.next();
			if (line.isEmpty()) {
				if (data != null) {
					return event((name != null) ? name : "message", data.toString());
				}
				name = null;
				continue;
			}
			if (line.startsWith(":")) {
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if (field.equals("event")) {
				name = value;
			}
			else if (field.equals("data")) {
				data = (data != null) ? data.append('\n').append(value) : new StringBuilder(value);
			}
		}
		return (data != null) ? event((name != null) ? name : "message", data.toString()) : null;
	}

	JobEvent event(String name, String data) {
		try {
			JsonNode node = this.json.readTree(data);
			TrainingJob job = (node.has("id") && node.has("state")) ? this.json.treeToValue(node, TrainingJob.class)
					: null;
			TrainingJob.Epoch epoch = name.equals("epoch") ? this.json.treeToValue(node, TrainingJob.Epoch.class)
					: null;
			String state = node.hasNonNull("state") ? node.get("state").asText() : null;
			return new JobEvent(name, data, job, epoch, state);
		}
		catch (Exception ex) {
			// An event this client does not understand is still passed on, as text.
			return new JobEvent(name, data, null, null, null);
		}
	}

}
