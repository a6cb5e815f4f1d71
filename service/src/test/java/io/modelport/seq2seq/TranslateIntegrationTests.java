package io.modelport.seq2seq;

import java.util.List;
import java.util.Map;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import io.modelport.IntegrationTest;
import io.modelport.LocalHttp;
import io.modelport.TestStore;
import io.modelport.nn.Seq2SeqNet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The translate endpoint over HTTP with an untrained character translator: its answers
 * must equal the same weights decoded in process, and every limit answers 400.
 *
 * @author Modelport Team
 */
@IntegrationTest
class TranslateIntegrationTests {

	private static final String URL = "/api/v1/models/" + TranslatorFixture.MODEL + "/translate";

	private final LocalHttp http;

	TranslateIntegrationTests(LocalHttp http) {
		this.http = http;
	}

	@Test
	void greedyAndBeamAnswersEqualTheNetworkDecodedInProcess() throws Exception {
		for (int beam : new int[] { 1, 3 }) {
			JsonNode answer = LocalHttp.read(this.http.post(URL, MediaType.APPLICATION_JSON,
					Map.of("text", "3 mar 2021", "beamWidth", beam, "numAlternatives", beam)));
			List<Hypothesis> expected = inProcess("3 mar 2021", new BeamSettings(beam, 0.7, 10, beam));
			assertThat(answer.get("output").asString())
				.isEqualTo(TranslatorFixture.TARGET.decode(expected.get(0).tokens()));
			assertThat(answer.get("score").asDouble()).isCloseTo(expected.get(0).score(), offset(1e-4));
			assertThat(answer.get("alternatives")).hasSize(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertThat(answer.get("alternatives").get(i).get("score").asDouble()).isCloseTo(expected.get(i).score(),
						offset(1e-4));
			}
		}
	}

	@Test
	void attentionRowsSumToOneOverTheInputSymbols() {
		JsonNode answer = LocalHttp
			.read(this.http.post(URL, MediaType.APPLICATION_JSON, Map.of("text", "12/25/99", "returnAttention", true)));
		assertThat(answer.get("inputSymbols")).hasSize(8);
		JsonNode rows = answer.get("attention");
		assertThat(rows.size()).isEqualTo(answer.get("outputSymbols").size()).isPositive();
		for (JsonNode row : rows) {
			assertThat(row).hasSize(8);
			double sum = 0;
			for (JsonNode weight : row) {
				sum += weight.asDouble();
			}
			assertThat(sum).isCloseTo(1.0, offset(1e-4));
		}
		assertThat(LocalHttp.read(this.http.post(URL, MediaType.APPLICATION_JSON, Map.of("text", "12/25/99")))
			.has("attention")).isFalse();
	}

	@Test
	void aBatchAnswersEachTextAsItsOwnRequestWould() {
		JsonNode batch = LocalHttp.read(this.http.post(URL, MediaType.APPLICATION_JSON,
				Map.of("texts", List.of("1 mar 2001", "7/7/77", "2000"))));
		assertThat(batch.get("translations")).hasSize(3);
		int i = 0;
		for (String text : List.of("1 mar 2001", "7/7/77", "2000")) {
			JsonNode single = LocalHttp.read(this.http.post(URL, MediaType.APPLICATION_JSON, Map.of("text", text)));
			assertThat(batch.get("translations").get(i).get("input").asString()).isEqualTo(text);
			assertThat(batch.get("translations").get(i++).get("output").asString())
				.isEqualTo(single.get("output").asString());
		}
	}

	@Test
	void unknownSymbolsAreReadAsUnkNotRefused() {
		JsonNode answer = LocalHttp
			.read(this.http.post(URL, MediaType.APPLICATION_JSON, Map.of("text", "3 März 2021")));
		assertThat(answer.get("unknownSymbols").asInt()).isEqualTo(3);
		assertThat(answer.has("output")).isTrue();
	}

	@Test
	void theMaximumLengthStopsDecoding() {
		JsonNode answer = LocalHttp
			.read(this.http.post(URL, MediaType.APPLICATION_JSON, Map.of("text", "3 mar 2021", "maxLength", 1)));
		assertThat(answer.get("output").asString().length()).isLessThanOrEqualTo(1);
		if (!answer.get("output").asString().isEmpty()) {
			assertThat(answer.get("finished").asBoolean()).isFalse();
		}
	}

	@Test
	void limitsAnswer400NamingTheLimit() {
		ResponseEntity<String> tooLong = this.http.post(URL, MediaType.APPLICATION_JSON,
				Map.of("text", "1234567890123"));
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		assertThat(tooLong.getBody()).contains("limit is 12");
		assertThat(status(Map.of("text", ""))).isEqualTo(400);
		assertThat(status(Map.of("text", "1", "beamWidth", 17))).isEqualTo(400);
		assertThat(status(Map.of("text", "1", "beamWidth", 2, "numAlternatives", 3))).isEqualTo(400);
		assertThat(status(Map.of("text", "1", "maxLength", 11))).isEqualTo(400);
		assertThat(status(Map.of("text", "1", "lengthNormalization", 2))).isEqualTo(400);
		assertThat(status(Map.of("text", "1", "texts", List.of("2")))).isEqualTo(400);
		assertThat(status(Map.of("texts", List.of()))).isEqualTo(400);
		assertThat(status(Map.of("texts", List.of("1", "1234567890123")))).isEqualTo(400);
		assertThat(this.http.post("/api/v1/models/nobody/translate", MediaType.APPLICATION_JSON, Map.of("text", "1"))
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	@Test
	void theAttentionHeatMapIsAPng() {
		byte[] png = this.http.exchangeBytes(URL, MediaType.APPLICATION_JSON, MediaType.IMAGE_PNG,
				Map.of("text", "3 mar 2021"));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		byte[] rendered = this.http.exchangeBytes(URL + "?render=attention", MediaType.APPLICATION_JSON, MediaType.ALL,
				Map.of("text", "3 mar 2021"));
		assertThat(rendered).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void aBadPictureRequestStillAnswers400() {
		ResponseEntity<String> response = this.http.postAccepting(URL + "?render=attention", MediaType.APPLICATION_JSON,
				MediaType.IMAGE_PNG, Map.of("text", "1234567890123"));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(response.getBody()).contains("limit is 12");
	}

	private int status(Map<String, Object> body) {
		return this.http.post(URL, MediaType.APPLICATION_JSON, body).getStatusCode().value();
	}

	private static List<Hypothesis> inProcess(String text, BeamSettings settings) throws Exception {
		Seq2SeqNet network = TranslatorFixture.network();
		try (Model model = Model.newInstance("raw", "PyTorch"); NDManager manager = NDManager.newBaseManager()) {
			model.setBlock(network);
			model.load(TestStore.models().resolve(TranslatorFixture.MODEL).resolve("1"), TranslatorFixture.MODEL);
			return Seq2SeqDecoder.translate(network, new ParameterStore(manager, false), manager,
					TranslatorFixture.SOURCE.encode(text), settings);
		}
	}

}
