package io.modelport.faces.gallery;

import java.util.List;

/**
 * A model's gallery.
 *
 * @param model the model name
 * @param defaultVersion the version identification uses by default
 * @param identities the enrolled identities, by name
 * @author Modelport Team
 */
public record GalleryView(String model, int defaultVersion, List<IdentityView> identities) {

}
