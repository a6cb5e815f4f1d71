package io.modelport.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the OpenAPI document describe the API as it answers, so a generated client works
 * without edits: the product's name and version, raw image and file bodies as binary (not
 * base64 strings), JSON answers typed as JSON rather than any type, the shared
 * problem+json error schema on every operation, and the tags in the README's order.
 *
 * @author Modelport Team
 */
class OpenApiContract implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final List<String> TAG_ORDER = List.of("Classification", "Detection", "Faces", "Face gallery", "Words",
			"Translate", "Open Inference Protocol v2", "Models", "Datasets", "Training jobs");

	// Operations whose success is not 200: springdoc cannot see a ResponseEntity's
	// status.
	static final Map<String, String> SUCCESS = Map.of("post /api/v1/training-jobs", "202", "post /api/v1/datasets",
			"201", "post /api/v1/models/{model}/vectors", "201", "delete /api/v1/models/{model}/gallery/{identity}",
			"204");

	private final String version;

	OpenApiContract(String version) {
		this.version = version;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title("Modelport")
			.version(this.version)
			.description("Serves and trains image classifiers, object detectors, face verifiers, word vectors and "
					+ "sequence-to-sequence translators. Errors are RFC 9457 problems (application/problem+json) "
					+ "whose type URNs are listed in docs/errors.md."));
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((name, path) -> operations(name, path, openApi.getComponents()));
		}
		orderTags(openApi);
	}

	private void operations(String name, PathItem path, Components components) {
		path.readOperationsMap().forEach((method, operation) -> {
			String success = SUCCESS.get(method.name().toLowerCase(java.util.Locale.ROOT) + " " + name);
			if (success != null && operation.getResponses() != null && operation.getResponses().containsKey("200")) {
				ApiResponse ok = operation.getResponses().remove("200");
				if (success.equals("204")) {
					ok.setContent(null);
				}
				operation.getResponses().put(success, ok.description(description(success)));
			}
			operation(operation);
			namedForms(operation, components);
		});
	}

	// An inline multipart schema is named by openapi-generator after the first operation
	// that has an identical one, and then imported but never generated where it is not
	// the operation's first body type (the face and word embed): a client that does not
	// compile. A component per operation gives every form a model of its own.
	private static void namedForms(Operation operation, Components components) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
				|| operation.getOperationId() == null) {
			return;
		}
		MediaType form = operation.getRequestBody().getContent().get("multipart/form-data");
		if (form == null || form.getSchema() == null || form.getSchema().get$ref() != null) {
			return;
		}
		String id = operation.getOperationId();
		String name = Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Form";
		components.addSchemas(name, form.getSchema());
		form.setSchema(new Schema<>().$ref("#/components/schemas/" + name));
	}

	private static String description(String status) {
		return switch (status) {
			case "201" -> "Created";
			case "202" -> "Accepted: queued";
			default -> "No content";
		};
	}

	private void operation(Operation operation) {
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().forEach(OpenApiContract::binaryBody);
		}
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			return;
		}
		responses.values().forEach(OpenApiContract::preciseTypes);
		for (String status : List.of("400", "404", "default")) {
			responses.putIfAbsent(status, problemResponse(status));
		}
	}

	private static void binaryBody(String type, MediaType media) {
		if ((type.startsWith("image/") || type.equals("application/octet-stream")) && media.getSchema() != null) {
			media.setSchema(new StringSchema().format("binary"));
		}
	}

	// springdoc writes */* for a handler that produces nothing declared: the answer is
	// JSON unless the handler says otherwise.
	private static void preciseTypes(ApiResponse response) {
		Content content = response.getContent();
		if (content != null && content.containsKey("*/*")) {
			MediaType any = content.remove("*/*");
			content.putIfAbsent("application/json", any);
		}
		if (content != null && content.get("application/json") != null) {
			splitBinary(content);
		}
	}

	// Two handlers on one path, one answering JSON and one raw bytes (OIP infer), become
	// one JSON answer typed "object or byte string": a generated client cannot compile
	// that (a getter named getbyte[]). The bytes are another media type, not a JSON
	// alternative. (The swagger model types oneOf as a raw List<Schema>.)
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void splitBinary(Content content) {
		Schema schema = content.get("application/json").getSchema();
		if (schema == null || schema.getOneOf() == null) {
			return;
		}
		List<Schema> json = new ArrayList<>();
		boolean bytes = false;
		for (Schema alternative : (List<Schema>) schema.getOneOf()) {
			if (isBytes(alternative)) {
				bytes = true;
			}
			else {
				json.add(alternative);
			}
		}
		if (!bytes) {
			return;
		}
		if (json.size() == 1) {
			content.get("application/json").setSchema(json.get(0));
		}
		else {
			schema.setOneOf(json);
		}
		content.putIfAbsent("application/octet-stream", new MediaType().schema(new StringSchema().format("binary")));
	}

	private static boolean isBytes(Schema<?> schema) {
		boolean string = "string".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("string"));
		return string && ("byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat()));
	}

	private static ApiResponse problemResponse(String status) {
		String description = switch (status) {
			case "400" -> "The request is invalid: unknown field or parameter, malformed body, wrong value";
			case "404" -> "No such model, version, job, data set or word";
			default -> "Any other problem (see docs/errors.md)";
		};
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	private static Schema<?> problemSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.addProperty("type", new StringSchema().format("uri").example("urn:modelport:problem:unknown-field"));
		schema.addProperty("title", new StringSchema().example("Unknown field"));
		schema.addProperty("status", new IntegerSchema().example(400));
		schema.addProperty("detail",
				new StringSchema().example("unknown field '$.settings.epoch'; did you mean 'epochs'?"));
		schema.addProperty("instance", new StringSchema().format("uri-reference"));
		schema.setDescription("An RFC 9457 problem; further members depend on the type (docs/errors.md)");
		schema.setAdditionalProperties(Boolean.TRUE);
		return schema;
	}

	private static void orderTags(OpenAPI openApi) {
		if (openApi.getTags() == null) {
			return;
		}
		openApi.getTags().sort(Comparator.comparingInt(OpenApiContract::rank).thenComparing(Tag::getName));
	}

	private static int rank(Tag tag) {
		int index = TAG_ORDER.indexOf(tag.getName());
		return (index >= 0) ? index : TAG_ORDER.size();
	}

}
