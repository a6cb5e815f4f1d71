package io.modelport.faces;

/**
 * One point of a verifier's ROC curve: the rates reached when every pair at or below some
 * distance threshold is accepted as the same person.
 *
 * @param far the false accept (false match) rate: the share of different-person pairs
 * accepted
 * @param tar the true accept rate: the share of same-person pairs accepted
 * @author Modelport Team
 */
public record RocPoint(double far, double tar) {

}
