package io.modelport.registry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.modelport.store.ModelSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The management API's mapping and error paths.
 *
 * @author Modelport Team
 */
@WebMvcTest(ModelsController.class)
class ModelsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ModelRegistry registry;

	@Test
	void listsModels() {
		RegisteredModel model = new RegisteredModel("shirts", new ModelSettings(null, true, "demo"), false);
		ModelVersion version = new ModelVersion(3);
		model.versionMap().put(3, version);
		given(this.registry.models()).willReturn(List.of(model));
		assertThat(this.mvc.get().uri("/api/v1/models")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("[{\"name\":\"shirts\",\"defaultVersion\":3,\"state\":\"LOADING\",\"required\":true,"
					+ "\"versions\":[3]}]");
	}

	@Test
	void unknownModelIs404() {
		given(this.registry.find("nope")).willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(this.mvc.get().uri("/api/v1/models/nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		given(this.registry.reload("nope")).willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(this.mvc.post().uri("/api/v1/models/nope/reload")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void unknownPathsAreProblemDetails() {
		assertThat(this.mvc.get().uri("/api/v1/nothing-here")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.delete().uri("/api/v1/models")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
