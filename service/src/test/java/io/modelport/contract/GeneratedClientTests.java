package io.modelport.contract;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar of issue 19: a Java client generated from the service's own
 * {@code /v3/api-docs} by openapi-generator (the CLI from Maven Central, library
 * {@code native} on java.net.http) compiles without hand edits and classifies the shipped
 * trouser image against the running service. The build copies the CLI to
 * {@code target/openapi-generator/}; it runs in its own JVM.
 *
 * @author Modelport Team
 */
@SlowTest
class GeneratedClientTests extends ShippedService {

	private static final Path CLI = ROOT.resolve("service/target/openapi-generator/openapi-generator-cli.jar");

	private static final String PACKAGE = "io.modelport.generated";

	@Test
	void generatedJavaClientCompilesAndClassifies(@TempDir Path temp) throws Exception {
		assertThat(CLI).as("the build copies the openapi-generator CLI (generate-test-resources)").isRegularFile();
		Path spec = temp.resolve("openapi.json");
		Files.writeString(spec, this.http.get("/v3/api-docs").getBody());
		// Kept for a look when generation or compilation fails.
		Files.copy(spec, CLI.resolveSibling("openapi.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path client = temp.resolve("client");
		String output = run(List.of(javaBinary(), "-jar", CLI.toString(), "generate", "-g", "java", "--library",
				"native", "-i", spec.toString(), "-o", client.toString(), "--api-package", PACKAGE + ".api",
				"--model-package", PACKAGE + ".model", "--invoker-package", PACKAGE,
				// Models for the multipart forms too: the generator imports them where a
				// form
				// is not an operation's first body type (embed), so it must generate
				// them.
				"--global-property", "skipFormModel=false",
				"--additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true"));
		Path sources = client.resolve("src/main/java");
		assertThat(sources).as(output).isDirectory();

		Path classes = Files.createDirectories(temp.resolve("classes"));
		List<String> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((p) -> p.toString().endsWith(".java")).map(Path::toString).toList();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		// The client's own dependencies beyond the JDK and Jackson (its pom's httpmime).
		List<Path> libraries;
		try (Stream<Path> jars = Files.list(CLI.resolveSibling("lib"))) {
			libraries = jars.filter((p) -> p.toString().endsWith(".jar")).sorted().toList();
		}
		StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
		libraries.forEach((jar) -> classpath.append(File.pathSeparator).append(jar));
		List<String> arguments = new ArrayList<>(
				List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-classpath", classpath.toString()));
		arguments.addAll(files);
		int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
		assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();

		byte[] trouser = Files
			.readAllBytes(ROOT.resolve("service/src/test/resources/images/fashion-mnist/trouser.png"));
		File image = temp.resolve("trouser.png").toFile();
		Files.write(image.toPath(), trouser);
		List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
		for (Path jar : libraries) {
			urls.add(jar.toUri().toURL());
		}
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader())) {
			Class<?> apiClientType = loader.loadClass(PACKAGE + ".ApiClient");
			Object apiClient = apiClientType.getConstructor().newInstance();
			apiClientType.getMethod("updateBaseUri", String.class).invoke(apiClient, "http://127.0.0.1:" + this.port);
			Object answer = classify(loader, apiClientType, apiClient, image);
			assertThat(answer).as("the generated client's answer").isNotNull();
			Object predictions = answer.getClass().getMethod("getPredictions").invoke(answer);
			Object first = ((List<?>) predictions).get(0);
			assertThat(first.getClass().getMethod("getLabel").invoke(first)).isEqualTo("Trouser");
			Object outOfDomain = answer.getClass().getMethod("getOutOfDomain").invoke(answer);
			assertThat(outOfDomain.getClass().getMethod("getInputDistance").invoke(outOfDomain)).isNotNull();
		}
	}

	// The classify operation of the generated API, called with the raw-image body: found
	// by
	// name, so the test reads like a user's code without depending on the generator's tag
	// naming.
	private static Object classify(ClassLoader loader, Class<?> apiClientType, Object apiClient, File image)
			throws Exception {
		List<String> seen = new ArrayList<>();
		for (String tagClass : apiClasses(loader)) {
			Class<?> api = loader.loadClass(tagClass);
			for (Method method : api.getMethods()) {
				seen.add(api.getSimpleName() + "." + method.getName() + Arrays.toString(method.getParameterTypes()));
				if (method.getName().startsWith("classify") && !method.getName().endsWith("WithHttpInfo")
						&& Arrays.asList(method.getParameterTypes()).contains(File.class)) {
					Object instance = api.getConstructor(apiClientType).newInstance(apiClient);
					Object[] arguments = new Object[method.getParameterCount()];
					Class<?>[] types = method.getParameterTypes();
					for (int i = 0; i < types.length; i++) {
						arguments[i] = (types[i] == File.class) ? image
								: (types[i] == String.class && i == 0) ? "fashion-mnist" : null;
					}
					return method.invoke(instance, arguments);
				}
			}
		}
		throw new AssertionError("no classify method taking a File in the generated API: " + seen);
	}

	private static List<String> apiClasses(ClassLoader loader) throws Exception {
		Path api = Path.of(loader.getResource(PACKAGE.replace('.', '/') + "/api").toURI());
		try (Stream<Path> files = Files.list(api)) {
			return files.map((p) -> p.getFileName().toString())
				.filter((name) -> name.endsWith("Api.class"))
				.map((name) -> PACKAGE + ".api." + name.substring(0, name.length() - ".class".length()))
				.sorted()
				.toList();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String text = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

}
