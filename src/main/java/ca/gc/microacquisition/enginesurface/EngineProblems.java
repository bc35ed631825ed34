package ca.gc.microacquisition.enginesurface;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every JAX-RS application of the service answers failures as RFC 9457 problem+json: the engine REST API
 * ({@code /engine-rest}, Spring Boot's Jersey application) and the webapps' own applications (the engine API
 * {@code /camunda/api/engine}, Cockpit, Tasklist, Admin), which the Camunda webapp starter registers as separate
 * Jersey servlets that no Spring customizer reaches. {@link Discovery} is found by Jersey through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable} and registers the mappers in
 * each of them; they take precedence over Camunda's (same exception types, higher priority).
 *
 * <p>Refusals get their 4xx status ({@link Refusals}) and a message without internals (no class names, SQL or
 * stack trace); they are logged as one INFO line. Faults are a 500 with a plain sentence and are logged as ERROR
 * with the stack trace. For Tasklist, which shows an error's {@code message}, the body repeats the detail there.
 */
public final class EngineProblems {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProblems.class);
    static final String PROBLEM_JSON = "application/problem+json";

    private EngineProblems() {}

    static Response toResponse(Throwable failure) {
        int status;
        String message;
        boolean refusal;
        if (failure instanceof WebApplicationException web
                && !(failure instanceof RestException)
                && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            status = web.getResponse().getStatus();
            message = Response.Status.fromStatusCode(status) == null
                    ? "The request was refused."
                    : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
            refusal = true;
        } else if (failure instanceof JsonProcessingException) {
            status = 400;
            message = "The request body is not valid JSON for this resource.";
            refusal = true;
        } else if (failure instanceof RestException rest
                && Refusals.find(failure, ProcessEngineException.class) == null) {
            // Raised by the REST layer itself (bad parameter, unknown variable type, ...)
            status = rest.getStatus() == null ? 400 : rest.getStatus().getStatusCode();
            refusal = status < 500;
            message = refusal
                    ? Refusals.classify(new org.camunda.bpm.engine.BadUserRequestException(rest.getMessage()))
                            .message()
                    : "The request could not be completed because of an internal error.";
            if (refusal && "The request is not valid.".equals(message)) {
                message = "The request is not valid: check the parameters and the variables' types.";
            }
        } else {
            Refusals.Answer answer = Refusals.classify(failure);
            status = answer.status();
            message = answer.message();
            refusal = answer.refusal();
        }
        if (refusal) {
            LOG.info("Refused an API request: {} {}", status, message);
        } else {
            LOG.error("An API request failed", failure);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put(
                "title",
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", message);
        body.put("message", message);
        return Response.status(status).entity(body).type(PROBLEM_JSON).build();
    }

    @Priority(1)
    public static class ForRestException implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ForJsonProcessingException implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ForJsonMappingException implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ForJsonParseException implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ForThrowable implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return EngineProblems.toResponse(exception);
        }
    }

    /** Registers the mappers in every Jersey application of the service. */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(2000)
    public static class Discovery implements ForcedAutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            for (Class<?> mapper : new Class<?>[] {
                ForRestException.class,
                ForProcessEngineException.class,
                ForJsonProcessingException.class,
                ForJsonMappingException.class,
                ForJsonParseException.class,
                ForThrowable.class
            }) {
                if (!context.getConfiguration().isRegistered(mapper)) {
                    context.register(mapper);
                }
            }
        }
    }
}
