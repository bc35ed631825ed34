package ca.gc.microacquisition.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST API (used by Tasklist) answers a refused form or a refused claim (a {@link BadUserRequestException}
 * anywhere in the cause chain, as task listeners' refusals are wrapped by the engine) with HTTP 400 and the
 * refusal's own message, instead of the 500 it gives for every exception raised inside the engine.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer badUserInputMapperRegistration() {
        return config -> {
            config.register(BadUserInputMapper.class);
            config.register(EngineRefusalMapper.class);
        };
    }

    static Response refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refusal) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", BadUserRequestException.class.getSimpleName());
                body.put("message", refusal.getMessage());
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return null;
    }

    /** The same for engine exceptions the REST resources do not wrap (claim, assign, delegate...). */
    @Priority(1)
    public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    @Priority(1)
    public static class BadUserInputMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
