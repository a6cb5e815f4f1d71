package io.modelport.home;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} sends a browser to the web console, where the models, their forms, the
 * training jobs and the API documentation's address are, instead of answering 404. It
 * goes straight to {@code /console/}, the address the console's relative links resolve
 * against, rather than through the {@code /console} redirect.
 *
 * @author Modelport Team
 */
@RestController
@Hidden
class HomeController {

	static final URI CONSOLE = URI.create("/console/");

	@GetMapping("/")
	ResponseEntity<Void> home() {
		return ResponseEntity.status(HttpStatus.FOUND).location(CONSOLE).build();
	}

}
