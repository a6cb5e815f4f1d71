package io.modelport.client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The client against the real service (its packaged jar, the shipped models).
 *
 * @author Modelport Team
 */
@Tag("integration")
class ClientIntegrationTests {

	private static ModelportClient client;

	@BeforeAll
	static void start() {
		client = LiveService.get().client();
	}

	@Test
	void classifiesTheShippedTrouserImage() {
		Classification answer = client.classify("fashion-mnist",
				LiveService.resource("images/fashion-mnist/trouser.png"));
		assertThat(answer.model()).isEqualTo("fashion-mnist");
		assertThat(answer.version()).isEqualTo(2);
		assertThat(answer.predictions().get(0).label()).isEqualTo("Trouser");
		assertThat(answer.predictions().get(0).probability()).isGreaterThan(0.5);
		byte[] bag = ModelportClient.read(LiveService.resource("images/fashion-mnist/bag.png"));
		assertThat(client.classify("fashion-mnist", bag, 3, 2).predictions()).hasSize(3)
			.first()
			.extracting(Prediction::label)
			.isEqualTo("Bag");
	}

	@Test
	void detectsTheItemsOfAScene() {
		Detection scene = client.detect("fashion-scenes", LiveService.resource("images/detection/scene-0.png"));
		assertThat(scene.imageWidth()).isEqualTo(64);
		assertThat(scene.detections()).extracting(Detection.DetectedObject::label).contains("Pullover", "Dress");
		Detection.DetectedObject pullover = scene.detections()
			.stream()
			.filter((object) -> object.label().equals("Pullover"))
			.findFirst()
			.orElseThrow();
		assertThat(pullover.box().x()).isCloseTo(25f, within(4f));
		byte[] image = ModelportClient.read(LiveService.resource("images/detection/scene-0.png"));
		Detection onlyDresses = client.detect("fashion-scenes", image,
				new Detection.Options(0.1f, null, 5, List.of("Dress")), null);
		assertThat(onlyDresses.detections()).isNotEmpty().allMatch((object) -> object.label().equals("Dress"));
	}

	@Test
	void translatesOneTextAndABatch() {
		assertThat(client.translate("dates", "3 Mar 2021").output()).isEqualTo("2021-03-03");
		Translations batch = client.translate("dates",
				new TranslateRequest(null, List.of("march 4 2020", "2021-12-25"), 3, null, null, 2, null, null));
		assertThat(batch.all()).extracting(Translation::output).containsExactly("2020-03-04", "2021-12-25");
		assertThat(batch.all().get(0).alternatives()).hasSize(2);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(
					() -> client.translate("dates", new TranslateRequest(null, null, 0, null, null, null, null, null)))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(URI.create("urn:modelport:problem:invalid-request")));
	}

	@Test
	void answersWordQueries() {
		Words words = client.words();
		assertThat(words.vector("kjv-words", "king").dimension()).isEqualTo(100);
		assertThat(words.similar("kjv-words", "king", 3).neighbours()).hasSize(3);
		assertThat(words.similarity("kjv-words", "king", "queen").similarity()).isBetween(-1.0, 1.0);
		assertThat(words.analogy("kjv-words", "man", "woman", "king", 3).candidates()).hasSize(3);
		TextEmbedding text = words.embed("kjv-words", "In the beginning God created the heaven");
		assertThat(text.knownTokens()).isEqualTo(7);
		assertThat(text.vector()).hasSize(100);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> words.vector("kjv-words", "xylophone"))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo(URI.create("urn:modelport:problem:unknown-word"));
				assertThat(ex.problem().properties()).containsEntry("word", "xylophone");
			});
	}

	@Test
	void embedsVerifiesEnrolsAndIdentifiesFaces() throws Exception {
		byte[] face = Files.readAllBytes(LiveService.resource("images/fashion-mnist/coat.png"));
		byte[] other = Files.readAllBytes(LiveService.resource("images/fashion-mnist/sandal.png"));
		Faces faces = client.faces();
		FaceEmbedding embedding = faces.embed("orl-faces", face);
		assertThat(embedding.embedding()).hasSize(embedding.dimension());
		Verification same = faces.verify("orl-faces", face, face, null);
		assertThat(same.match()).isTrue();
		assertThat(same.distance()).isLessThan(1e-3);
		assertThat(faces.enrol("orl-faces", "coat person", List.of(face)).faces()).isEqualTo(1);
		faces.enrol("orl-faces", "sandal person", List.of(other));
		assertThat(faces.gallery("orl-faces").identities()).extracting(Identity::identity)
			.contains("coat person", "sandal person");
		Identification identified = faces.identify("orl-faces", face, 2, null);
		assertThat(identified.identity()).isEqualTo("coat person");
		assertThat(identified.candidates()).hasSize(2);
		faces.remove("orl-faces", "sandal person");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> faces.identity("orl-faces", "sandal person"));
	}

	@Test
	void listsDescribesPromotesAndReloadsModels() {
		assertThat(client.models().list()).extracting(ModelSummary::name)
			.contains("dates", "eng-ipa", "fashion-mnist", "fashion-scenes", "kjv-words", "orl-faces");
		ModelDetails model = client.models().describe("fashion-mnist");
		assertThat(model.task()).isEqualTo("classifier");
		assertThat(model.versions()).extracting(ModelDetails.Version::state).containsOnly("READY");
		assertThat(client.models().versions("fashion-mnist").get(1).labels()).contains("Trouser");
		assertThat(client.models().promote("fashion-mnist", 1).defaultVersion()).isEqualTo(1);
		assertThat(client.models().promote("fashion-mnist", 2).defaultVersion()).isEqualTo(2);
		assertThat(client.models().reload("fashion-mnist").versions()).hasSize(2);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.models().describe("no-such"))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(URI.create("urn:modelport:problem:model-not-found")));
		assertThatExceptionOfType(ModelportException.class)
			.isThrownBy(() -> client.models().promote("fashion-mnist", 9))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void speaksTheOpenInferenceProtocol() {
		OipRestClient oip = client.oip();
		assertThat(oip.serverMetadata().name()).isEqualTo("modelport");
		assertThat(oip.live()).isTrue();
		assertThat(oip.ready()).isTrue();
		assertThat(oip.modelReady("fashion-mnist")).isTrue();
		Oip.ModelMetadata metadata = oip.modelMetadata("fashion-mnist", null);
		assertThat(metadata.inputs()).extracting(Oip.TensorMetadata::name).contains("input");
		Oip.InferResponse answer = oip.infer("fashion-mnist", 2,
				Oip.InferRequest.of(Oip.InferInput.fp32("input", List.of(1L, 1L, 28L, 28L), new float[28 * 28])));
		assertThat(answer.modelVersion()).isEqualTo("2");
		float[] probabilities = answer.output("probabilities").floats();
		assertThat(probabilities).hasSize(10);
		float sum = 0;
		for (float p : probabilities) {
			sum += p;
		}
		assertThat(sum).isCloseTo(1f, within(1e-3f));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> oip.infer("fashion-mnist", null,
					Oip.InferRequest.of(Oip.InferInput.fp32("input", List.of(1L, 1L, 28L, 28L), new float[3]))))
			.satisfies((ex) -> assertThat(ex.detail()).isNotBlank());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> oip.modelMetadata("no-such", null));
	}

	@Test
	void uploadsADataSetTrainsOnItAndFollowsTheJobToTheEnd() throws Exception {
		Path corpus = Files.createTempFile("corpus", ".txt");
		Files.write(corpus, Corpus.animalsAndFruits());
		Dataset dataset = client.datasets().upload("client-corpus", "text", corpus);
		assertThat(dataset.kind()).isEqualTo("text");
		assertThat(client.datasets().list()).extracting(Dataset::name).contains("client-corpus");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> client.datasets().upload("client-corpus", "text", corpus));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> client.jobs()
				.submit(new TrainingJobRequest("word2vec", "client-words", "client-corpus", null, null, null, null,
						null, null, java.util.Map.of("architecture", "glove", "dimension", 0), null)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(Problem.FieldError::field)
				.containsExactlyInAnyOrder("words.architecture", "words.dimension"));

		TrainingJob job = client.jobs()
			.submit(new TrainingJobRequest("word2vec", "client-words", "client-corpus", null, null, null, null, null,
					null, java.util.Map.of("architecture", "skip-gram", "dimension", 12, "window", 2, "minCount", 2,
							"epochs", 2, "batchSize", 64, "seed", 4),
					null));
		assertThat(job.state()).isEqualTo("QUEUED");
		List<JobEvent> events = new java.util.ArrayList<>();
		try (JobEventStream stream = client.jobs().follow(job.id())) {
			stream.forEachRemaining(events::add);
		}
		assertThat(events.get(0).name()).isEqualTo("snapshot");
		assertThat(events).filteredOn((event) -> event.name().equals("epoch"))
			.extracting((event) -> event.epoch().epoch())
			.containsExactly(1, 2);
		JobEvent last = events.get(events.size() - 1);
		assertThat(last.ended()).as(last.data()).isTrue();
		assertThat(last.state()).as(last.data()).isEqualTo("SUCCEEDED");

		TrainingJob done = client.jobs().get(job.id());
		assertThat(done.resultVersion()).isEqualTo(1);
		assertThat(done.history()).hasSize(2);
		assertThat(client.jobs().list("SUCCEEDED", 0, 10).items()).extracting(TrainingJob::id).contains(job.id());
		assertThat(client.words().similar("client-words", "cat", 2).neighbours()).hasSize(2);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> client.jobs().cancel(job.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.jobs().get("no-such-job"));
	}

}
