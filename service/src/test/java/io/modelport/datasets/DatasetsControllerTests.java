package io.modelport.datasets;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.modelport.core.InvalidRequestException;
import io.modelport.web.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The datasets API's mapping and error paths.
 *
 * @author Modelport Team
 */
@WebMvcTest(DatasetsController.class)
class DatasetsControllerTests {

	private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private DatasetCatalog catalog;

	@Test
	void uploadAnswersCreatedWithoutThePath() throws Exception {
		given(this.catalog.store(eq("notes"), eq(DatasetKind.TEXT), any(InputStream.class), eq(5L)))
			.willReturn(dataset("notes", DatasetKind.TEXT));
		assertThat(upload("notes", "text")).hasStatus(HttpStatus.CREATED)
			.hasHeader(HttpHeaders.LOCATION, "/api/v1/datasets/notes")
			.bodyJson()
			.isLenientlyEqualTo("{\"name\":\"notes\",\"kind\":\"text\",\"source\":\"upload\",\"details\":{\"lines\":1},"
					+ "\"createdAt\":\"2025-01-02T03:04:05Z\"}");
		assertThat(upload("notes", "text").getResponse().getContentAsString()).doesNotContain("secret");
	}

	@Test
	void unknownKindIs400AndStoresNothing() {
		assertThat(upload("notes", "csv")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("unknown dataset kind 'csv'", "image-folders, idx, text, sequence-pairs");
		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void invalidDataIs400() throws Exception {
		given(this.catalog.store(eq("pets"), eq(DatasetKind.IMAGE_FOLDERS), any(InputStream.class), eq(5L)))
			.willThrow(new InvalidRequestException("cats/broken.png cannot be decoded: not an image"));
		assertThat(upload("pets", "image-folders")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("cats/broken.png cannot be decoded: not an image");
	}

	@Test
	void oversizedDataIs413() throws Exception {
		given(this.catalog.store(eq("pets"), eq(DatasetKind.IDX), any(InputStream.class), eq(5L)))
			.willThrow(new PayloadTooLargeException("the archive expands to more than the limit of 10 bytes"));
		assertThat(upload("pets", "idx")).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void missingFileIs400() {
		assertThat(this.mvc.post().uri("/api/v1/datasets").multipart().param("name", "x").param("kind", "text"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void listsDatasets() {
		given(this.catalog.list())
			.willReturn(List.of(dataset("fashion", DatasetKind.IDX), dataset("notes", DatasetKind.TEXT)));
		assertThat(this.mvc.get().uri("/api/v1/datasets")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("[{\"name\":\"fashion\",\"kind\":\"idx\"},{\"name\":\"notes\",\"kind\":\"text\"}]");
	}

	@Test
	void describesOneDataset() {
		given(this.catalog.find("notes")).willReturn(Optional.of(dataset("notes", DatasetKind.SEQUENCE_PAIRS)));
		assertThat(this.mvc.get().uri("/api/v1/datasets/notes")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"name\":\"notes\",\"kind\":\"sequence-pairs\"}");
	}

	@Test
	void unknownDatasetThrowsNotFound() {
		given(this.catalog.find("nope")).willReturn(Optional.empty());
		MvcTestResult result = this.mvc.get().uri("/api/v1/datasets/nope").exchange();
		assertThat(result.getMvcResult().getResolvedException()).isInstanceOf(DatasetNotFoundException.class)
			.hasMessage("dataset 'nope' does not exist");
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult upload(String name, String kind) {
		return this.mvc.post()
			.uri("/api/v1/datasets")
			.multipart()
			.file("file", "hello".getBytes())
			.param("name", name)
			.param("kind", kind)
			.exchange();
	}

	private static Dataset dataset(String name, DatasetKind kind) {
		return new Dataset(name, kind, Dataset.UPLOAD, Path.of("/secret/datasets", name), Map.of("lines", 1), CREATED);
	}

}
