package io.modelport.contract;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.modelport.core.ProblemTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/errors.md lists every problem type the service can answer with.
 *
 * @author Modelport Team
 */
class ErrorCatalogueTests {

	@Test
	void everyTypeIsInTheCatalogue() throws IOException, IllegalAccessException {
		String catalogue = Files.readString(ShippedService.repositoryRoot().resolve("docs/errors.md"));
		List<URI> types = new ArrayList<>();
		for (Class<?> holder : List.of(ProblemTypes.class, ContractProblemTypes.class)) {
			for (Field field : holder.getFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class) {
					types.add((URI) field.get(null));
				}
			}
		}
		assertThat(types).hasSizeGreaterThan(25);
		for (URI type : types) {
			assertThat(catalogue).as("docs/errors.md lists %s", type).contains("`" + type + "`");
		}
	}

}
