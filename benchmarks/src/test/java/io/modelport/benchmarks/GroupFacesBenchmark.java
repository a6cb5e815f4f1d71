package io.modelport.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.ModelportApplication;
import io.modelport.faces.GroupPhotos;
import io.modelport.faces.OrlGroups;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.faces.alignment.FaceLandmarker;
import io.modelport.faces.importer.FaceApiImport;

/**
 * Faces in group photos (docs/faces.md, "Figures on group photos"): one ORL photo of each
 * of the 30 people is enrolled, then group photos are composed from their other photos
 * (2-5 faces, 40-160 pixel face boxes, 320-640 pixel cluttered canvases, seeded) and sent
 * to {@code identify?face=all} over HTTP. Reports face recall at IoU 0.5, identification
 * accuracy per face (a missed face counts as wrong), false detections, and recall per
 * face size; then embed speed ({@link GroupFacesSpeed}). Needs the ORL folder beside the
 * repository or {@code -Dmodelport.orl.location}.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=group-faces [-Dbenchmark.groups=30]
 * </pre>
 *
 * @author Modelport Team
 */
public final class GroupFacesBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GroupFacesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int groups = Integer.parseInt(System.getProperty("benchmark.groups", "30"));
		int requests = Integer.parseInt(System.getProperty("benchmark.requests", "20"));
		// ORL faces must not enter the repository, so the drawn photo goes to the build
		// folder.
		String render = System.getProperty("benchmark.render", "benchmarks/target/group-faces.png");
		System.setProperty("modelport.orl.required", "true");
		System.setProperty("modelport.repository", ".");
		List<List<Path>> orl = OrlGroups.identities(OrlGroups.requireLocation());
		Path store = GroupFacesSpeed.store(Path.of("model-store", "face-api"));
		Path version = store.resolve("face-api").resolve("2");
		Map<Path, GroupPhotos.Source> sources = new HashMap<>();
		try (Model model = Model.newInstance("landmarks", Device.cpu(), "PyTorch");
				ConfigurableApplicationContext app = new SpringApplicationBuilder(ModelportApplication.class).run(
						"--server.port=0", "--server.address=127.0.0.1", "--modelport.store.location=" + store,
						"--spring.datasource.url=jdbc:h2:mem:groups;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
						"--modelport.training.work-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "groups"),
						"--modelport.security.open-scopes=inference,management", "--logging.level.root=WARN")) {
			FaceAligner aligner = new FaceAligner(
					FaceLandmarker.load(model.getNDManager(), version.resolve(FaceApiImport.LANDMARKS)), 150);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String base = "http://127.0.0.1:" + port + "/api/v1/models/face-api";
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			long start = System.nanoTime();
			for (int person = 0; person < orl.size(); person++) {
				String body = "{\"images\":[\""
						+ Base64.getEncoder().encodeToString(Files.readAllBytes(orl.get(person).get(0)))
						+ "\"],\"version\":2}";
				send(client,
						HttpRequest.newBuilder(URI.create(base + "/gallery/s" + (person + 1)))
							.header("Content-Type", "application/json")
							.PUT(HttpRequest.BodyPublishers.ofString(body))
							.build());
			}
			System.out.printf("enrolled %d people (photo 1 each) in %.0f s%n", orl.size(),
					(System.nanoTime() - start) / 1e9);
			Tally tally = new Tally();
			Random random = new Random(20);
			for (int g = 0; g < groups; g++) {
				List<Integer> people = new ArrayList<>();
				int count = 2 + random.nextInt(4);
				while (people.size() < count) {
					int person = random.nextInt(orl.size());
					if (!people.contains(person)) {
						people.add(person);
					}
				}
				List<GroupPhotos.Source> chosen = new ArrayList<>();
				for (int person : people) {
					Path photo = orl.get(person).get(1 + random.nextInt(9));
					if (!sources.containsKey(photo)) {
						sources.put(photo, OrlGroups.source("s" + (person + 1), photo, aligner));
					}
					chosen.add(sources.get(photo));
				}
				GroupPhotos.Group group = GroupPhotos.compose(chosen, random, 40, 160);
				HttpRequest identify = HttpRequest.newBuilder(URI.create(base + "/identify?face=all&version=2"))
					.header("Content-Type", "image/png")
					.POST(HttpRequest.BodyPublishers.ofByteArray(group.png()))
					.build();
				tally.add(group, JSON.readTree(send(client, identify)).get("faces"));
				if (g == 0 && !render.isBlank()) {
					HttpRequest drawn = HttpRequest.newBuilder(URI.create(base + "/identify?version=2"))
						.header("Content-Type", "image/png")
						.header("Accept", "image/png")
						.POST(HttpRequest.BodyPublishers.ofByteArray(group.png()))
						.build();
					Files.createDirectories(Path.of(render).toAbsolutePath().getParent());
					Files.write(Path.of(render), client.send(drawn, HttpResponse.BodyHandlers.ofByteArray()).body());
				}
			}
			tally.print(groups, (System.nanoTime() - start) / 1e9);
			GroupFacesSpeed.run(client, base, version, orl, aligner, requests);
		}
	}

	static String send(HttpClient client, HttpRequest request) throws Exception {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Counts matches of answered faces to true faces, one to one, greedily by IoU. */
	private static final class Tally {

		private int truths;

		private int found;

		private int named;

		private int answered;

		private final int[] bucketTruths = new int[3];

		private final int[] bucketFound = new int[3];

		private int foundAgainstLandmarkBoxes;

		void add(GroupPhotos.Group group, JsonNode faces) {
			boolean[] used = new boolean[faces.size()];
			this.answered += faces.size();
			for (GroupPhotos.Placed placed : group.faces()) {
				this.truths++;
				int bucket = Math.min(2, (int) ((placed.box()[2] - 40) / 40));
				this.bucketTruths[bucket]++;
				int best = -1;
				double bestIou = 0.5;
				double bestRaw = 0;
				for (int i = 0; i < faces.size(); i++) {
					JsonNode b = faces.get(i).get("face").get("box");
					double[] box = { b.get("x").asDouble(), b.get("y").asDouble(), b.get("width").asDouble(),
							b.get("height").asDouble() };
					double iou = OrlGroups.iou(box, placed.box());
					bestRaw = Math.max(bestRaw, OrlGroups.iou(box, shrunk(placed.box())));
					if (!used[i] && iou >= bestIou) {
						best = i;
						bestIou = iou;
					}
				}
				if (bestRaw >= 0.5) {
					this.foundAgainstLandmarkBoxes++;
				}
				if (best >= 0) {
					used[best] = true;
					this.found++;
					this.bucketFound[bucket]++;
					if (placed.identity().equals(faces.get(best).get("identity").asString(""))) {
						this.named++;
					}
				}
			}
		}

		private static double[] shrunk(double[] box) {
			double w = box[2] / OrlGroups.BOX_SCALE;
			double h = box[3] / OrlGroups.BOX_SCALE;
			return new double[] { box[0] + (box[2] - w) / 2, box[1] + (box[3] - h) / 2, w, h };
		}

		void print(int groups, double seconds) {
			System.out.println();
			System.out.println("| group photos (face-api v2, identify?face=all over HTTP) | value |");
			System.out.println("|---|---|");
			System.out.printf("| photos, true faces | %d, %d |%n", groups, this.truths);
			System.out.printf("| face recall at IoU 0.5 | %.4f (%d/%d) |%n", this.found / (double) this.truths,
					this.found, this.truths);
			System.out.printf("| identify accuracy per true face | %.4f (%d/%d) |%n", this.named / (double) this.truths,
					this.named, this.truths);
			System.out.printf("| false detections (answered faces matching no true face) | %d |%n",
					this.answered - this.found);
			String[] names = { "40-80 px", "80-120 px", "120-160 px" };
			for (int b = 0; b < 3; b++) {
				System.out.printf("| recall, faces %s | %.4f (%d/%d) |%n", names[b],
						this.bucketFound[b] / (double) Math.max(1, this.bucketTruths[b]), this.bucketFound[b],
						this.bucketTruths[b]);
			}
			System.out.printf("| recall at IoU 0.5 against the bare landmark boxes | %.4f |%n",
					this.foundAgainstLandmarkBoxes / (double) this.truths);
			System.out.printf("| wall time (enrolment included) | %.0f s |%n", seconds);
		}

	}

}
