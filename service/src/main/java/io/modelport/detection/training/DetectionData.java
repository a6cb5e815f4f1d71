package io.modelport.detection.training;

import java.util.List;

import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;

/**
 * A detection data set: the class labels and the labelled images.
 *
 * @param labels the class names, index = class
 * @param scenes the images with their objects
 * @author Modelport Team
 */
public record DetectionData(List<String> labels, List<Scene> scenes) {

	public DetectionData {
		labels = List.copyOf(labels);
		scenes = List.copyOf(scenes);
		// Checked once here so that a trainer can size its class outputs from the labels.
		for (Scene scene : scenes) {
			for (GroundTruth object : scene.objects()) {
				if (object.classIndex() < 0 || object.classIndex() >= labels.size()) {
					throw new IllegalArgumentException(
							"class " + object.classIndex() + " is not one of the " + labels.size() + " labels");
				}
			}
		}
	}

}
