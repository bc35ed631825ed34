package ca.gc.microacquisition.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors into RFC 9457 problem details (application/problem+json) with a message a person can act on:
 * 400 for invalid input (with an {@code errors} list of {field, message}), 401/403, 404, 409. Never a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainValidationException.class)
    ResponseEntity<Object> invalid(DomainValidationException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), request);
        problem.setProperty("errors", errors(e.getProblems()));
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), request));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ResponseEntity<Object> forbidden(RuntimeException e, WebRequest request) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "You may not do this with your account.";
        return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", detail, request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return respond(problem(
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "Sign in with your supplier e-mail and password (HTTP Basic).",
                request));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e, WebRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.getWindow().toSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage(), request));
    }

    /** Anything unexpected: logged for the operators, a plain sentence for the caller. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        LOG.error("Unexpected error on {}", description(request), e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; nothing was changed. Try again later.",
                request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return respond(problem(
                        HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", tooLarge.getMessage(), request));
            }
        }
        Throwable cause = ex.getCause();
        String detail;
        List<Map<String, String>> errors = List.of();
        if (cause instanceof InvalidFormatException ife) {
            String field = path(ife);
            String expected = ife.getTargetType() == null ? "another type" : typeName(ife.getTargetType());
            detail = "The request body has a wrong value for " + field + ": expected " + expected + ".";
            errors = List.of(Map.of("field", field, "message", "must be " + expected));
        } else if (cause instanceof MismatchedInputException mie
                && !mie.getPath().isEmpty()) {
            String field = path(mie);
            String expected = mie.getTargetType() == null ? "another type" : typeName(mie.getTargetType());
            detail = "The request body has a wrong value for " + field + ": expected " + expected + ".";
            errors = List.of(Map.of("field", field, "message", "must be " + expected));
        } else if (cause instanceof JsonProcessingException) {
            detail = "The request body is not valid JSON for this request; check its syntax and field types.";
        } else {
            detail = "The request needs a JSON body.";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request", detail, request);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : typeName(ex.getRequiredType());
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Invalid input",
                "'" + ex.getValue() + "' is not a valid " + name + ": expected " + expected + ".",
                request);
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(name), "message", "must be " + expected)));
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return response;
    }

    private static List<Map<String, String>> errors(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .collect(Collectors.toList());
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "the body" : b.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return problem;
    }

    private static String description(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
