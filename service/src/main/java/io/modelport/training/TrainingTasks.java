package io.modelport.training;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registered training tasks, found with {@link ServiceLoader} from
 * {@code META-INF/services/io.modelport.training.TrainingTask}: the same list in the
 * service (as a bean) and in a worker JVM, which has no application context.
 *
 * @author Modelport Team
 */
public final class TrainingTasks {

	private final Map<String, TrainingTask> tasks;

	/**
	 * Registers tasks by their task id, in the given order.
	 * @param tasks the tasks
	 */
	public TrainingTasks(Iterable<TrainingTask> tasks) {
		Map<String, TrainingTask> byId = new LinkedHashMap<>();
		for (TrainingTask task : tasks) {
			if (byId.putIfAbsent(task.task().id(), task) != null) {
				throw new IllegalStateException("two training plug-ins for task " + task.task().id());
			}
		}
		this.tasks = Collections.unmodifiableMap(byId);
	}

	/**
	 * The tasks listed in the class path's service files.
	 * @return the tasks
	 */
	public static TrainingTasks load() {
		return new TrainingTasks(ServiceLoader.load(TrainingTask.class, TrainingTasks.class.getClassLoader()));
	}

	/**
	 * Finds the plug-in of a task.
	 * @param id the task id, may be {@code null}
	 * @return the plug-in, empty when none trains that task
	 */
	public Optional<TrainingTask> find(String id) {
		return Optional.ofNullable((id != null) ? this.tasks.get(id) : null);
	}

	/**
	 * Every plug-in, in registration order.
	 * @return the plug-ins
	 */
	public Collection<TrainingTask> all() {
		return this.tasks.values();
	}

}
