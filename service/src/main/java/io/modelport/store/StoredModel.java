package io.modelport.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model folder as found on disk: its versions and settings, nothing loaded yet.
 *
 * @param name the model name
 * @param directory the model folder
 * @param settings the model-level settings
 * @param versions version number to version folder, ascending
 * @param servingProperties whether the folder is a flat DJL Serving folder
 * @param locations where its files may resolve to
 * @author Modelport Team
 */
public record StoredModel(String name, Path directory, ModelSettings settings, SortedMap<Integer, Path> versions,
		boolean servingProperties, StoreLocations locations) {

	public StoredModel {
		versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
	}

	/**
	 * Reads the descriptor of one version.
	 * @param version the version
	 * @return the descriptor
	 * @throws InvalidModelException when the version folder is invalid or links outside
	 * the allowed locations
	 */
	public ModelDescriptor descriptor(int version) {
		Path folder = this.versions.get(version);
		if (folder == null) {
			throw new InvalidModelException("model " + this.name + " has no version " + version);
		}
		this.locations.verify(folder);
		if (java.nio.file.Files.isRegularFile(folder.resolve(DescriptorParser.FILE_NAME))) {
			return DescriptorParser.parse(this.name, version, folder);
		}
		if (java.nio.file.Files.isRegularFile(folder.resolve(ServingPropertiesReader.FILE_NAME))) {
			return ServingPropertiesReader.read(this.name, version, folder);
		}
		throw new InvalidModelException("version folder " + this.name + "/" + version + " has neither "
				+ DescriptorParser.FILE_NAME + " nor " + ServingPropertiesReader.FILE_NAME);
	}

}
