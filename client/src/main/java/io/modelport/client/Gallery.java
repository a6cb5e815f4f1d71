package io.modelport.client;

import java.util.List;

/**
 * A face model's gallery of enrolled identities.
 *
 * @param model the model
 * @param defaultVersion the model's default version
 * @param identities the identities
 * @author Modelport Team
 */
public record Gallery(String model, int defaultVersion, List<Identity> identities) {

}
