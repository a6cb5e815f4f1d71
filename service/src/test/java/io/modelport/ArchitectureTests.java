package io.modelport;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * Pins the package rules that docs/architecture.md states: no cycles between the
 * top-level packages, task features that do not know each other, and layers below the
 * features that know none of them.
 *
 * @author Modelport Team
 */
class ArchitectureTests {

	private static final List<String> TASKS = List.of("classification", "detection", "faces", "words", "seq2seq");

	private static final List<String> FEATURES = List.of("classification", "detection", "faces", "words", "seq2seq",
			"oip");

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.modelport");

	@Test
	void noCyclesBetweenTopLevelPackages() {
		SlicesRuleDefinition.slices().matching("io.modelport.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void taskFeaturesDoNotImportEachOtherOrTheProtocolFront() {
		for (String task : TASKS) {
			String[] others = FEATURES.stream()
				.filter((feature) -> !feature.equals(task))
				.map(ArchitectureTests::tree)
				.toArray(String[]::new);
			ArchRuleDefinition.noClasses()
				.that()
				.resideInAPackage(tree(task))
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.check(classes);
		}
	}

	@Test
	void lowerLayersDoNotImportFeatures() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAnyPackage(trees("core", "store", "runtime", "registry", "nn", "imaging", "training", "datasets"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(trees(FEATURES.toArray(String[]::new)))
			.check(classes);
	}

	@Test
	void trainingKnowsNoTaskAndNoJob() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(tree("training"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(trees("jobs", "classification", "detection", "faces", "words", "seq2seq"))
			.check(classes);
	}

	@Test
	void webNamesNoFeatureOrItsExceptions() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(tree("web"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(trees("classification", "detection", "faces", "words", "seq2seq", "oip", "jobs",
					"datasets", "registry", "runtime", "security", "training"))
			.check(classes);
	}

	@Test
	void coreImportsNothingOfModelport() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage(tree("core"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(trees("classification", "detection", "faces", "words", "seq2seq", "oip", "jobs",
					"datasets", "registry", "runtime", "security", "training", "store", "web", "imaging", "nn",
					"metrics", "embeddings"))
			.check(classes);
	}

	private static String tree(String name) {
		return "io.modelport." + name + "..";
	}

	private static String[] trees(String... names) {
		return Arrays.stream(names).map(ArchitectureTests::tree).toArray(String[]::new);
	}

}
