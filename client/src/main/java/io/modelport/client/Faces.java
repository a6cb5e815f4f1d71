package io.modelport.client;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faces: embed, verify, the gallery and identification. Faces should be roughly aligned
 * and cropped, as the model was trained on such faces.
 *
 * @author Modelport Team
 */
public final class Faces {

	private static final String OCTETS = "application/octet-stream";

	private final Transport transport;

	Faces(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Embeds a face.
	 * @param model the face model
	 * @param image the encoded image
	 * @return the embedding
	 */
	public FaceEmbedding embed(String model, byte[] image) {
		return this.transport.post(ModelportClient.modelPath(model) + "/embed", OCTETS, image, FaceEmbedding.class);
	}

	/**
	 * Whether two faces are the same person.
	 * @param model the face model
	 * @param image1 one face
	 * @param image2 the other
	 * @param threshold the distance threshold, {@code null} for the model's calibrated
	 * one
	 * @return the distance and decision
	 */
	public Verification verify(String model, byte[] image1, byte[] image2, Double threshold) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("image1", Base64.getEncoder().encodeToString(image1));
		body.put("image2", Base64.getEncoder().encodeToString(image2));
		if (threshold != null) {
			body.put("threshold", threshold);
		}
		return this.transport.postJson(ModelportClient.modelPath(model) + "/verify", body, Verification.class);
	}

	/**
	 * Enrols an identity from one or more faces (replacing an earlier enrolment).
	 * @param model the face model
	 * @param identity the identity
	 * @param images its faces
	 * @return the enrolled identity
	 */
	public Identity enrol(String model, String identity, List<byte[]> images) {
		List<String> encoded = images.stream().map((image) -> Base64.getEncoder().encodeToString(image)).toList();
		return this.transport.sendJson("PUT", galleryPath(model, identity), Map.of("images", encoded), Identity.class);
	}

	/**
	 * The enrolled identities.
	 * @param model the face model
	 * @return the gallery
	 */
	public Gallery gallery(String model) {
		return this.transport.get(ModelportClient.modelPath(model) + "/gallery", Gallery.class);
	}

	/**
	 * One enrolled identity.
	 * @param model the face model
	 * @param identity the identity
	 * @return the identity
	 */
	public Identity identity(String model, String identity) {
		return this.transport.get(galleryPath(model, identity), Identity.class);
	}

	/**
	 * Removes an identity and its embeddings.
	 * @param model the face model
	 * @param identity the identity
	 */
	public void remove(String model, String identity) {
		this.transport.send(this.transport.request(galleryPath(model, identity), false).DELETE().build());
	}

	/**
	 * Identifies a face against the gallery.
	 * @param model the face model
	 * @param image the face
	 * @param topK the candidates to answer, {@code null} for the default
	 * @param threshold the distance threshold, {@code null} for the calibrated one
	 * @return the identity (or none) and candidates
	 */
	public Identification identify(String model, byte[] image, Integer topK, Double threshold) {
		String path = Transport.path(ModelportClient.modelPath(model) + "/identify", Transport.query("topK", topK),
				Transport.query("threshold", threshold));
		return this.transport.post(path, OCTETS, image, Identification.class);
	}

	private static String galleryPath(String model, String identity) {
		return ModelportClient.modelPath(model) + "/gallery/" + Transport.segment(identity);
	}

}
