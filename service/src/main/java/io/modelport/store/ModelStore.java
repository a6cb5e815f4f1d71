package io.modelport.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The model store folder: {@code <store>/<model>/<version>/descriptor.yaml}, or a flat
 * DJL Serving folder {@code <store>/<model>/serving.properties} served as version 1.
 * Scanning only reads the layout; descriptors are parsed when a version is loaded.
 *
 * @author Modelport Team
 */
public class ModelStore {

	private static final Log logger = LogFactory.getLog(ModelStore.class);

	private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

	private final Path location;

	private final StoreLocations locations;

	/**
	 * A store whose model files must all resolve inside it.
	 * @param location the store folder
	 */
	public ModelStore(Path location) {
		this(location, List.of());
	}

	/**
	 * A store whose model files may also resolve, through links, to other folders.
	 * @param location the store folder
	 * @param allowedLocations the other folders
	 */
	public ModelStore(Path location, List<Path> allowedLocations) {
		this.location = location.toAbsolutePath().normalize();
		this.locations = new StoreLocations(this.location, allowedLocations);
	}

	/**
	 * The store folder.
	 * @return the absolute folder
	 */
	public Path location() {
		return this.location;
	}

	/**
	 * Lists every model folder with a valid name. Folders with invalid names are skipped
	 * with a warning, because they could never be addressed over the API.
	 * @return the models, sorted by name
	 */
	public List<StoredModel> scan() {
		if (!Files.isDirectory(this.location)) {
			logger.warn("Model store " + this.location + " does not exist; serving no models");
			return List.of();
		}
		List<StoredModel> models = new ArrayList<>();
		try (Stream<Path> folders = Files.list(this.location)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				String name = folder.getFileName().toString();
				if (name.startsWith(".")) {
					continue;
				}
				if (!ModelNames.isValid(name)) {
					logger.warn("Skipping model folder with invalid name: " + name);
					continue;
				}
				models.add(read(name, folder));
			}
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot list model store " + this.location + ": " + ex.getMessage(), ex);
		}
		return models;
	}

	/**
	 * Finds one model folder.
	 * @param name the model name
	 * @return the model, empty when there is no such folder
	 */
	public Optional<StoredModel> find(String name) {
		if (!ModelNames.isValid(name)) {
			return Optional.empty();
		}
		Path folder = this.location.resolve(name);
		return Files.isDirectory(folder) ? Optional.of(read(name, folder)) : Optional.empty();
	}

	private StoredModel read(String name, Path folder) {
		if (Files.isRegularFile(folder.resolve(ServingPropertiesReader.FILE_NAME))) {
			TreeMap<Integer, Path> single = new TreeMap<>();
			single.put(1, folder);
			return new StoredModel(name, folder, ModelSettings.DEFAULTS, single, true, this.locations);
		}
		TreeMap<Integer, Path> versions = new TreeMap<>();
		try (Stream<Path> children = Files.list(folder)) {
			children.filter(Files::isDirectory)
				.filter((child) -> VERSION.matcher(child.getFileName().toString()).matches())
				.forEach((child) -> versions.put(Integer.parseInt(child.getFileName().toString()), child));
		}
		catch (IOException ex) {
			throw new InvalidModelException("cannot list model folder " + name + ": " + ex.getMessage(), ex);
		}
		ModelSettings settings;
		try {
			settings = ModelSettings.read(folder);
		}
		catch (InvalidModelException ex) {
			logger.warn("Ignoring invalid " + ModelSettings.FILE_NAME + " of " + name + ": " + ex.getMessage());
			settings = ModelSettings.DEFAULTS;
		}
		return new StoredModel(name, folder, settings, versions, false, this.locations);
	}

}
