package io.modelport.robustness;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol's infer endpoint against tensors whose datatype, shape and
 * data disagree: wrong and unknown datatypes, shapes with zero, negative, huge or
 * overflowing dimensions, element counts that do not match the shape, NaN and Infinity
 * (as JSON tokens and as strings), values out of range, nested data, several inputs.
 *
 * @author Modelport Team
 */
class OipFuzzTests extends ServiceUnderFuzz {

	private static final List<String> DATATYPES = List.of("FP32", "UINT8", "INT32", "INT64", "BYTES", "FP16", "FP64",
			"BOOL", "INT8", "fp32", "", "STRING");

	@Test
	void infer() {
		Fuzz.forAll("OIP infer", Fuzz.tries() * 4, (random) -> {
			String model = Nasty.pick(random, FuzzStore.MODELS);
			String version = (random.nextInt(4) == 0) ? "/versions/" + Nasty.encode(Nasty.number(random)) : "";
			int inputs = (random.nextInt(6) == 0) ? random.nextInt(3) : 1;
			StringBuilder body = new StringBuilder("{\"id\":\"fuzz\",\"inputs\":[");
			for (int i = 0; i < inputs; i++) {
				body.append((i > 0) ? "," : "").append(tensor(random, 1));
			}
			body.append(']');
			if (random.nextInt(4) == 0) {
				body.append(",\"outputs\":[{\"name\":\"")
					.append(Nasty.pick(random, List.of("label", "probabilities", "boxes", "nope")))
					.append("\"}]");
			}
			if (random.nextInt(4) == 0) {
				body.append(",\"parameters\":{\"score_threshold\":")
					.append(Nasty.jsonNumber(random))
					.append(",\"max_detections\":")
					.append(Nasty.jsonNumber(random))
					.append('}');
			}
			Probe probe = Probe.post("/v2/models/" + model + version + "/infer", "application/json",
					body.append('}').toString());
			return (random.nextInt(8) == 0) ? probe.withHeader("Request-Timeout", Nasty.number(random)) : probe;
		}, this::handled);
	}

	@Test
	void metadataAndReadiness() {
		Fuzz.forAll("OIP metadata", (random) -> {
			String model = random.nextBoolean() ? Nasty.pick(random, FuzzStore.MODELS)
					: Nasty.encode(Nasty.string(random));
			String version = random.nextBoolean() ? "/versions/" + Nasty.encode(Nasty.number(random)) : "";
			return Probe.get("/v2/models/" + model + version + (random.nextBoolean() ? "/ready" : ""));
		}, this::handled);
	}

	/**
	 * One input tensor, mostly shaped like the classifier's {@code [N, 1, 28, 28]} so
	 * that some get past the shape check into the data checks.
	 * @param random the source of randomness
	 * @param depth unused nesting budget for odd {@code data}
	 * @return the tensor as JSON
	 */
	static String tensor(Random random, int depth) {
		String datatype = Nasty.pick(random, DATATYPES);
		long batch = Nasty.pick(random, List.of(1L, 1L, 2L, 0L, -1L, 257L));
		List<Long> shape = switch (random.nextInt(5)) {
			case 0 -> List.of(batch);
			case 1 -> List.of(batch, 1L, 28L, 28L, 1L);
			case 2 -> List.of(Long.MAX_VALUE, Long.MAX_VALUE, 2L, 2L);
			default -> List.of(batch, 1L, 28L, 28L);
		};
		long elements = shape.stream().reduce(1L, (a, b) -> a * b);
		StringBuilder data = new StringBuilder("[");
		long count = (elements > 0 && elements <= 2 * 784) ? elements : random.nextInt(10);
		if (random.nextInt(4) == 0) {
			count += Nasty.pick(random, List.of(-1L, 1L, 100L));
		}
		for (long i = 0; i < count; i++) {
			data.append((i > 0) ? "," : "");
			int kind = random.nextInt(100);
			if (kind == 0) {
				data.append(Nasty.jsonValue(random, depth));
			}
			else if (kind == 1) {
				data.append(Nasty.jsonNumber(random));
			}
			else if ("BYTES".equals(datatype)) {
				data.append('"').append(base64(Images.any(random))).append('"');
			}
			else {
				data.append(random.nextInt(256));
			}
		}
		data.append(']');
		String dataJson = (random.nextInt(10) == 0) ? Nasty.jsonValue(random, 3) : data.toString();
		return "{\"name\":" + Nasty.jsonString(random.nextBoolean() ? "input" : "image") + ",\"datatype\":"
				+ Nasty.jsonString(datatype) + ",\"shape\":" + shape + ",\"data\":" + dataJson + "}";
	}

}
