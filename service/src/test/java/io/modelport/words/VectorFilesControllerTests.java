package io.modelport.words;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.modelport.registry.ModelNotFoundException;
import io.modelport.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;

/**
 * Vector export streams the version's file as an attachment named after the model and
 * version; import answers 201 with the new version; bad formats and token patterns are
 * 400 before any file is written.
 *
 * @author Modelport Team
 */
@WebMvcTest(VectorFilesController.class)
@Import(WebConfiguration.class)
class VectorFilesControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private VectorFiles files;

	@Test
	void exportStreamsTheFileAsAnAttachment() throws Exception {
		given(this.files.exportedVersion("kjv", 1)).willReturn(1);
		willAnswer((invocation) -> {
			invocation.getArgument(3, OutputStream.class).write("2 1\na 1\nb 2\n".getBytes(StandardCharsets.UTF_8));
			return null;
		}).given(this.files).export(eq("kjv"), eq(1), eq(Word2VecFormat.TEXT), any());
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/versions/1/vectors?format=text")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.hasHeader("Content-Disposition", "attachment; filename=\"kjv-1.txt\"")
			.hasBodyTextEqualTo("2 1\na 1\nb 2\n");
	}

	@Test
	void importAnswers201WithTheNewVersion() throws Exception {
		byte[] body = "1 2\nking 0.1 0.2\n".getBytes(StandardCharsets.UTF_8);
		given(this.files.importVectors(eq("news"), eq(Word2VecFormat.TEXT), eq(body),
				eq(new TokenizerSettings(true, TokenizerSettings.DEFAULT.tokenPattern()))))
			.willReturn(new VectorImport("news", 1, "READY", null, 1, 2));
		assertThat(this.mvc.post()
			.uri("/api/v1/models/news/vectors?format=text&lowercase=true")
			.contentType(MediaType.TEXT_PLAIN)
			.content(body)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.isLenientlyEqualTo("{\"model\":\"news\",\"version\":1,\"state\":\"READY\",\"words\":1,\"dimension\":2}");
	}

	@Test
	void anUnknownFormatOrABadTokenPatternIs400() {
		assertThat(this.mvc.get().uri("/api/v1/models/kjv/versions/1/vectors?format=csv"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'csv'");
		assertThat(this.mvc.post()
			.uri("/api/v1/models/news/vectors?tokenPattern=[")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.content(new byte[] { 1 })).hasStatus(HttpStatus.BAD_REQUEST);
		then(this.files).shouldHaveNoInteractions();
	}

	@Test
	void exportOfAnUnknownModelIs404() {
		given(this.files.exportedVersion("nope", 1))
			.willThrow(new ModelNotFoundException("model 'nope' does not exist"));
		assertThat(this.mvc.get().uri("/api/v1/models/nope/versions/1/vectors")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
