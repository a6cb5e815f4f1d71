package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.registry.ModelRegistry;
import io.modelport.registry.ModelState;
import io.modelport.registry.ModelVersion;
import io.modelport.registry.RegisteredModel;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelSettings;
import io.modelport.training.ModelPublisher;
import io.modelport.training.TrainingTask;
import io.modelport.training.TrainingTasks;

/**
 * Publishes a finished job's output as the model's next version, loads it, and applies
 * the job's promotion policy; {@code if-better} compares the task's own quality metric
 * with the current default's, or for a version trained from another ({@code initFrom})
 * with that version's figure on the same test identities.
 *
 * @author Modelport Team
 */
class JobPublisher {

	private static final Log logger = LogFactory.getLog(JobPublisher.class);

	private final ModelRegistry registry;

	private final TrainingTasks tasks;

	private final TrainingProperties properties;

	private final Path store;

	private final JsonMapper json;

	JobPublisher(ModelRegistry registry, TrainingTasks tasks, TrainingProperties properties, Path store,
			JsonMapper json) {
		this.registry = registry;
		this.tasks = tasks;
		this.properties = properties;
		this.store = store;
		this.json = json;
	}

	JobOutcome publish(RunningJob run, Path jobDirectory) {
		String model = run.job.model();
		try {
			Path output = jobDirectory.resolve("output").resolve(model).resolve("1");
			ModelDescriptor prepared = DescriptorParser.parse(model, 1, output);
			ModelVersion previous = currentDefault(model);
			boolean promote = shouldPromote(run.job, prepared, previous);
			if (previous != null && !promote) {
				// Keep serving the current default: a new highest version would otherwise
				// win.
				ModelSettings.writeDefaultVersion(this.store.resolve(model), previous.version());
			}
			ModelDescriptor published = ModelPublisher.publishNextVersion(prepared, this.store);
			RegisteredModel reloaded = this.registry.reload(model);
			ModelVersion version = reloaded.version(published.version());
			if (version == null || version.state() != ModelState.READY) {
				return JobOutcome.failed(run, "published version " + published.version() + " did not load: "
						+ ((version != null) ? version.failureReason() : "missing"));
			}
			if (promote && previous != null) {
				this.registry.promote(model, published.version());
			}
			Map<String, Object> report = this.json.readValue(
					published.directory().resolve(ModelPublisher.EVALUATION_FILE).toFile(),
					new TypeReference<Map<String, Object>>() {
					});
			logger.info("Training job " + run.job.id() + " published " + model + " version " + published.version()
					+ (promote ? " (default)" : ""));
			return new JobOutcome(run, JobState.SUCCEEDED, null, published.version(), promote, report);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Training job " + run.job.id() + " could not be published", ex);
			return JobOutcome.failed(run, "publishing the trained model failed: " + ex.getMessage());
		}
	}

	private boolean shouldPromote(TrainingJob job, ModelDescriptor prepared, ModelVersion previous) {
		PromotionPolicy policy = PromotionPolicy.fromId(
				(job.request().promotion() != null) ? job.request().promotion() : this.properties.defaultPromotion());
		if (previous == null) {
			return true;
		}
		return switch (policy) {
			case ALWAYS -> true;
			case NEVER -> false;
			case IF_BETTER -> {
				String metric = this.tasks.find(job.task()).map(TrainingTask::qualityMetric).orElse("testAccuracy");
				// A version started from another is compared with that version's figure
				// on the same test data, which the run measured before training.
				Map<?, ?> baseline = (prepared.provenance().get("initFrom") instanceof Map<?, ?> initFrom) ? initFrom
						: (previous.descriptor() != null) ? previous.descriptor().provenance() : Map.of();
				yield quality(prepared.provenance(), metric) > quality(baseline, metric);
			}
		};
	}

	private ModelVersion currentDefault(String model) {
		try {
			ModelVersion version = this.registry.find(model).defaultVersion();
			return (version != null && version.state() == ModelState.READY) ? version : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	// The task's own quality metric; a version without it always loses.
	private static double quality(Map<?, ?> provenance, String metric) {
		if (provenance.get("quality") instanceof Map<?, ?> quality && quality.get(metric) instanceof Number value) {
			return value.doubleValue();
		}
		return Double.NEGATIVE_INFINITY;
	}

}
