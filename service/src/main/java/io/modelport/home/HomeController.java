package io.modelport.home;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} sends a browser to the API documentation (the console, once there is one)
 * instead of answering 404.
 *
 * @author Modelport Team
 */
@RestController
@Hidden
class HomeController {

	static final URI API_DOCS = URI.create("/swagger-ui.html");

	@GetMapping("/")
	ResponseEntity<Void> home() {
		return ResponseEntity.status(HttpStatus.FOUND).location(API_DOCS).build();
	}

}
