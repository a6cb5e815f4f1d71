package io.modelport.client;

import java.time.Instant;
import java.util.Map;

/**
 * A data set that training jobs train on.
 *
 * @param name the name
 * @param kind the kind (idx, image-folders, text, sequence-pairs, yolo, coco)
 * @param source built-in or uploaded
 * @param details classes, sizes and counts
 * @param createdAt when it was stored
 * @author Modelport Team
 */
public record Dataset(String name, String kind, String source, Map<String, Object> details, Instant createdAt) {

}
