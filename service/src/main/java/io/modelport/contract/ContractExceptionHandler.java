package io.modelport.contract;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the contract's own exceptions; ordered before the catch-all handler.
 *
 * @author Modelport Team
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractExceptionHandler {

	@ExceptionHandler(UnknownParameterException.class)
	ResponseEntity<ProblemDetail> unknownParameter(UnknownParameterException ex) {
		ProblemDetail problem = JsonProblems.problem(ContractProblemTypes.UNKNOWN_PARAMETER, "Unknown parameter",
				ex.getMessage());
		problem.setProperty("parameter", ex.name());
		Suggestions.closest(ex.name(), ex.known()).ifPresent((match) -> problem.setProperty("suggestion", match));
		problem.setProperty("knownParameters", ex.known());
		return ResponseEntity.badRequest().body(problem);
	}

}
