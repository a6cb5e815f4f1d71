package io.modelport.training;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.modelport.nn.ArchitectureCatalog;

/**
 * The architecture checks that tasks with a network preset share: the name, when given,
 * is one of the catalog's and the one the task trains, and its parameters build. A
 * request without a name (or without {@code architecture}) trains the task's preset with
 * the parameters given, each defaulting to the preset's own.
 *
 * @author Modelport Team
 */
public final class ArchitectureChecks {

	private ArchitectureChecks() {
	}

	/**
	 * Checks a request's architecture.
	 * @param request the request
	 * @param taskId the task's id, for the message
	 * @param expected the preset the task trains
	 * @param build builds the network from the parameters, throwing
	 * {@link IllegalArgumentException} when they are invalid
	 * @param errors receives a field path and a message per error
	 * @return whether the name was right or left to its default (the parameters may still
	 * be invalid)
	 */
	public static boolean check(TaskRequest request, String taskId, String expected,
			Consumer<Map<String, Object>> build, BiConsumer<String, String> errors) {
		String name = (request.architectureName() != null) ? request.architectureName() : expected;
		if (!ArchitectureCatalog.names().contains(name)) {
			errors.accept("architecture.name",
					"unknown architecture '" + name + "', expected one of " + ArchitectureCatalog.names());
			return false;
		}
		if (!expected.equals(name)) {
			errors.accept("architecture.name", "a " + taskId + " trains a '" + expected + "'");
			return false;
		}
		try {
			build.accept(request.architectureParameters());
		}
		catch (IllegalArgumentException ex) {
			errors.accept("architecture.parameters", ex.getMessage());
		}
		return true;
	}

}
