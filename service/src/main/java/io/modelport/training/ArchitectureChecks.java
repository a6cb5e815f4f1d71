package io.modelport.training;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.modelport.nn.ArchitectureCatalog;

/**
 * The architecture checks that tasks with a network preset share: the name is one of the
 * catalog's, the one the task trains, and its parameters build.
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
	 * @return whether the name was right (the parameters may still be invalid)
	 */
	public static boolean check(TaskRequest request, String taskId, String expected,
			Consumer<Map<String, Object>> build, BiConsumer<String, String> errors) {
		String name = request.architectureName();
		if (name == null) {
			errors.accept("architecture.name", "is required, one of " + ArchitectureCatalog.names());
			return false;
		}
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
