package io.modelport.faces.gallery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gallery store: {@code gallery_face} and {@code gallery_embedding} (Flyway migration
 * V2) through Spring JDBC, on H2 and PostgreSQL. Embeddings are stored as little-endian
 * float32 bytes.
 *
 * @author Modelport Team
 */
@Repository
public class GalleryRepository {

	private final JdbcClient jdbc;

	public GalleryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the faces of an identity, atomically.
	 * @param model the model name
	 * @param identity the identity
	 * @param images the images to keep, or {@code null} entries where images are not kept
	 * @param version the model version the embeddings were computed with
	 * @param embeddings one embedding per image
	 * @throws DuplicateKeyException when a concurrent enrolment of the same identity won
	 */
	@Transactional
	public void replace(String model, String identity, List<byte[]> images, int version, List<float[]> embeddings) {
		delete(model, identity);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < embeddings.size(); i++) {
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					insert into gallery_face (model_name, identity, position, image, created_at)
					values (:model, :identity, :position, :image, :created)""")
				.param("model", model)
				.param("identity", identity)
				.param("position", i)
				.param("image", images.get(i))
				.param("created", now)
				.update(key, "id");
			long id = key.getKeyAs(Number.class).longValue();
			saveEmbedding(id, version, embeddings.get(i));
		}
	}

	/**
	 * Stores the embedding of a face for a version; a concurrent writer of the same
	 * embedding wins silently, as both computed the same vector.
	 * @param faceId the face
	 * @param version the model version
	 * @param embedding the normalised embedding
	 */
	public void saveEmbedding(long faceId, int version, float[] embedding) {
		try {
			this.jdbc.sql("insert into gallery_embedding (face_id, model_version, embedding) values (:id, :v, :e)")
				.param("id", faceId)
				.param("v", version)
				.param("e", encode(embedding))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another identification recomputed it first.
		}
	}

	/**
	 * Deletes an identity and its embeddings.
	 * @param model the model name
	 * @param identity the identity
	 * @return whether it existed
	 */
	public boolean delete(String model, String identity) {
		// Embeddings go first: no reliance on cascading deletes.
		this.jdbc.sql("""
				delete from gallery_embedding where face_id in
				    (select id from gallery_face where model_name = :model and identity = :identity)""")
			.param("model", model)
			.param("identity", identity)
			.update();
		return this.jdbc.sql("delete from gallery_face where model_name = :model and identity = :identity")
			.param("model", model)
			.param("identity", identity)
			.update() > 0;
	}

	/**
	 * Every enrolled face of a model with its embedding for one version.
	 * @param model the model name
	 * @param version the model version
	 * @return the faces, by identity
	 */
	public List<EnrolledFace> faces(String model, int version) {
		return this.jdbc.sql("""
				select f.id, f.identity, case when f.image is null then 0 else 1 end as stored, e.embedding
				from gallery_face f
				left join gallery_embedding e on e.face_id = f.id and e.model_version = :version
				where f.model_name = :model
				order by f.identity, f.position""")
			.param("model", model)
			.param("version", version)
			.query((rs, row) -> new EnrolledFace(rs.getLong("id"), rs.getString("identity"), rs.getInt("stored") == 1,
					decode(rs.getBytes("embedding"))))
			.list();
	}

	/**
	 * The stored image of a face.
	 * @param faceId the face
	 * @return the image, empty when it was not kept
	 */
	public Optional<byte[]> image(long faceId) {
		return this.jdbc.sql("select image from gallery_face where id = :id")
			.param("id", faceId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes("image")))
			.optional()
			.flatMap((image) -> image);
	}

	/**
	 * The enrolled identities of a model, by name.
	 * @param model the model name
	 * @param currentVersion the version identification uses by default, which decides
	 * staleness
	 * @return the identities
	 */
	public List<IdentityView> identities(String model, int currentVersion) {
		return views(model, null, currentVersion);
	}

	/**
	 * One enrolled identity of a model.
	 * @param model the model name
	 * @param identity the identity
	 * @param currentVersion the version identification uses by default, which decides
	 * staleness
	 * @return the identity, empty when it is not enrolled
	 */
	public Optional<IdentityView> identity(String model, String identity, int currentVersion) {
		return views(model, identity, currentVersion).stream().findFirst();
	}

	// Every identity of the model, or only the one named.
	private List<IdentityView> views(String model, String identity, int currentVersion) {
		String only = (identity != null) ? " and f.identity = :identity" : "";
		Map<String, List<Integer>> versions = new TreeMap<>();
		this.jdbc.sql("""
				select distinct f.identity, e.model_version from gallery_face f
				join gallery_embedding e on e.face_id = f.id
				where f.model_name = :model""" + only + " order by f.identity, e.model_version")
			.param("model", model)
			.params((identity != null) ? Map.of("identity", identity) : Map.of())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach((pair) -> versions.computeIfAbsent(pair.getKey(), (k) -> new ArrayList<>()).add(pair.getValue()));
		return this.jdbc.sql("""
				select f.identity, count(*) as faces, max(case when f.image is null then 0 else 1 end) as stored,
				    min(f.created_at) as enrolled
				from gallery_face f where f.model_name = :model""" + only + " group by f.identity order by f.identity")
			.param("model", model)
			.params((identity != null) ? Map.of("identity", identity) : Map.of())
			.query((rs, row) -> view(rs, versions.getOrDefault(rs.getString("identity"), List.of()), currentVersion))
			.list();
	}

	/**
	 * What identifies the enrolled faces of a model: their count and largest id. Ids are
	 * never reused, so any enrolment or removal, by any replica, changes it.
	 * @param model the model name
	 * @return the fingerprint
	 */
	public Fingerprint fingerprint(String model) {
		return this.jdbc.sql("select count(*), coalesce(max(id), 0) from gallery_face where model_name = :model")
			.param("model", model)
			.query((rs, row) -> new Fingerprint(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * Tells whether an identity is enrolled.
	 * @param model the model name
	 * @param identity the identity
	 * @return whether it has faces
	 */
	public boolean exists(String model, String identity) {
		return this.jdbc.sql("select count(*) from gallery_face where model_name = :model and identity = :identity")
			.param("model", model)
			.param("identity", identity)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Counts the enrolled identities of a model.
	 * @param model the model name
	 * @return the count
	 */
	public int countIdentities(String model) {
		return this.jdbc.sql("select count(distinct identity) from gallery_face where model_name = :model")
			.param("model", model)
			.query(Integer.class)
			.single();
	}

	private static IdentityView view(ResultSet rs, List<Integer> versions, int currentVersion) throws SQLException {
		boolean stored = rs.getInt("stored") == 1;
		Instant enrolled = rs.getObject("enrolled", OffsetDateTime.class).toInstant();
		return new IdentityView(rs.getString("identity"), rs.getInt("faces"), List.copyOf(versions), stored,
				!stored && !versions.contains(currentVersion), enrolled);
	}

	static byte[] encode(float[] embedding) {
		ByteBuffer buffer = ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(embedding);
		return buffer.array();
	}

	static float[] decode(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		float[] embedding = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(embedding);
		return embedding;
	}

	/**
	 * The count and largest id of a model's enrolled faces.
	 *
	 * @param faces the number of faces
	 * @param maxId the largest face id, 0 when there are none
	 */
	public record Fingerprint(long faces, long maxId) {

	}

}
