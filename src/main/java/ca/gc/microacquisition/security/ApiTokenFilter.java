package ca.gc.microacquisition.security;

import ca.gc.microacquisition.supplier.ApiTokenAuthentication;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * The supplier API's bearer-token sign-in, built from Spring Security's {@link AuthenticationFilter}: a request with
 * {@code Authorization: Bearer <token>} is authenticated by the chain's authentication manager (which holds the
 * {@link ca.gc.microacquisition.supplier.ApiTokenAuthenticationProvider}); a request without one goes on to HTTP
 * Basic. An unknown, expired or revoked token is a 401 problem+json with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750), whatever the endpoint.
 */
public final class ApiTokenFilter {

    static final String INVALID = "This API token is unknown, expired or revoked (for example by a password change). "
            + "Ask for a new one: POST /api/tokens with your e-mail and password (HTTP Basic).";

    private ApiTokenFilter() {}

    public static AuthenticationFilter create(AuthenticationManager manager, ObjectMapper json) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, bearerToken());
        // Signed in: go on with the request (the default handler would redirect to a saved request).
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler((request, response, e) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, INVALID);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"suppliers\", error=\"invalid_token\"");
            json.writeValue(response.getOutputStream(), problem);
        });
        return filter;
    }

    /** Reads {@code Authorization: Bearer <token>} (the scheme in any case); anything else is not a token sign-in. */
    static AuthenticationConverter bearerToken() {
        return (HttpServletRequest request) -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return ApiTokenAuthentication.unauthenticated(header.substring(7).strip());
        };
    }
}
