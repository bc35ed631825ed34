package ca.gc.microacquisition.enginesurface;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Marks the thread of an HTTP request to one of the engine's public surfaces (the engine REST API
 * {@code /engine-rest/**} and the webapps' API {@code /camunda/api/**}, which holds the webapps' engine API
 * {@code /camunda/api/engine/engine/{name}/**}) as "a client call", so that {@link ClientCallGuard} applies its
 * policy to the engine commands that request runs. Java code calling the engine anywhere else (delegates, portal,
 * supplier API, job executor) is not marked and not restricted.
 */
@Configuration(proxyBeanMethods = false)
public class ClientCalls {

    private static final ThreadLocal<String> SURFACE = new ThreadLocal<>();

    /** The surface of the request this thread is serving, or null outside a client call. */
    static String current() {
        return SURFACE.get();
    }

    /** Runs the work as a client call on the given surface (used by the filter; tests may use it too). */
    static void run(String surface, IoWork work) throws IOException, ServletException {
        String previous = SURFACE.get();
        SURFACE.set(surface);
        try {
            work.run();
        } finally {
            if (previous == null) {
                SURFACE.remove();
            } else {
                SURFACE.set(previous);
            }
        }
    }

    interface IoWork {
        void run() throws IOException, ServletException;
    }

    @Bean
    FilterRegistrationBean<Filter> engineClientCallFilter() {
        Filter filter = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            String path = request instanceof HttpServletRequest http ? http.getRequestURI() : "?";
            run(
                    path.contains("/engine-rest/") || path.endsWith("/engine-rest") ? "engine-rest" : "webapp-api",
                    () -> chain.doFilter(request, response));
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("engine-client-call-marker");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // Outside every other filter: the authentication filters of both surfaces already run as client calls.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
