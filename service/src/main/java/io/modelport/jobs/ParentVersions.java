package io.modelport.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.store.Artifact;
import io.modelport.store.DescriptorParser;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelNames;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;
import io.modelport.training.InitFrom;

/**
 * Finds the stored version a job's {@code initFrom} names in the model store, and copies
 * it into the job folder at admission: the worker reads its own copy, so deleting or
 * replacing the version later neither breaks a queued job nor changes what a resumed one
 * starts from.
 *
 * @author Modelport Team
 */
final class ParentVersions {

	private final ModelStore store;

	/**
	 * Versions of a model store.
	 * @param store the store, {@code null} for none (every model is unknown)
	 */
	ParentVersions(ModelStore store) {
		this.store = store;
	}

	/**
	 * Finds the version named, reporting what is missing.
	 * @param initFrom the request member
	 * @param errors receives the field errors
	 * @return the version's descriptor, {@code null} when there is none
	 */
	ModelDescriptor find(InitFrom initFrom, List<FieldError> errors) {
		boolean named = true;
		if (initFrom.model() == null) {
			errors.add(new FieldError("initFrom.model", "is required: the stored model to start from"));
			named = false;
		}
		else if (!ModelNames.isValid(initFrom.model())) {
			errors.add(new FieldError("initFrom.model", "must be 1-64 lower-case letters, digits, '.', '-' or '_'"));
			named = false;
		}
		if (initFrom.version() == null) {
			errors.add(new FieldError("initFrom.version", "is required: the version to start from"));
			named = false;
		}
		else if (initFrom.version() < 1) {
			errors.add(new FieldError("initFrom.version", "must be 1 or more, was " + initFrom.version()));
			named = false;
		}
		if (!named) {
			return null;
		}
		Optional<StoredModel> model = (this.store != null) ? this.store.find(initFrom.model()) : Optional.empty();
		if (model.isEmpty()) {
			errors.add(new FieldError("initFrom.model", "unknown model '" + initFrom.model() + "'"));
			return null;
		}
		if (!model.get().versions().containsKey(initFrom.version())) {
			errors.add(new FieldError("initFrom.version", "model '" + initFrom.model() + "' has no version "
					+ initFrom.version() + "; it has " + model.get().versions().keySet()));
			return null;
		}
		try {
			return model.get().descriptor(initFrom.version());
		}
		catch (RuntimeException ex) {
			errors.add(new FieldError("initFrom.version",
					"version " + initFrom.reference() + " cannot be read: " + ex.getMessage()));
			return null;
		}
	}

	/**
	 * Copies a version's descriptor and artifacts into a folder.
	 * @param parent the version
	 * @param target the folder, created
	 * @throws IOException when a file cannot be copied
	 */
	static void copy(ModelDescriptor parent, Path target) throws IOException {
		Files.createDirectories(target);
		Files.copy(parent.directory().resolve(DescriptorParser.FILE_NAME), target.resolve(DescriptorParser.FILE_NAME),
				StandardCopyOption.REPLACE_EXISTING);
		for (Artifact artifact : parent.artifacts()) {
			Files.copy(parent.directory().resolve(artifact.file()), target.resolve(artifact.file()),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
