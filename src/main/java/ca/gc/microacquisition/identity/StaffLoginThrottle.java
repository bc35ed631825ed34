package ca.gc.microacquisition.identity;

import ca.gc.microacquisition.common.LoginThrottle;
import ca.gc.microacquisition.common.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back-off per client address for staff sign-ins: the webapps' login ({@code /camunda/api/admin/auth/user/…/login}),
 * HTTP Basic on the engine REST API and on {@code /staff/**}. Each 401 answered to a sign-in attempt counts as a
 * failure of the address ({@link LoginThrottle}); while the address must wait, attempts get 429 problem+json with
 * Retry-After and are not checked. Camunda itself delays the account ({@code loginDelay*} in application.yaml):
 * together, guessing is slow per account and per address, and no account is ever locked for good.
 */
@Configuration(proxyBeanMethods = false)
public class StaffLoginThrottle {

    static final String DETAIL = "Too many failed sign-ins from your address; try again in %d seconds.";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> staffLoginThrottleFilter(
            @Qualifier("staffAddressThrottle") LoginThrottle addresses,
            ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        String loginPrefix = webappPath + "/api/admin/auth/user/";
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
                String authorization = request.getHeader("Authorization");
                boolean attempt = path.startsWith(loginPrefix)
                        ? "POST".equals(request.getMethod()) && path.contains("/login/")
                        : authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
                if (!attempt) {
                    chain.doFilter(request, response);
                    return;
                }
                String key = "staff|" + request.getRemoteAddr();
                Duration wait = addresses.waitFor(key);
                if (!wait.isZero()) {
                    response.setHeader("Retry-After", String.valueOf(wait.toSeconds()));
                    ProblemResponses.write(
                            json,
                            request,
                            response,
                            HttpStatus.TOO_MANY_REQUESTS,
                            DETAIL.formatted(wait.toSeconds()),
                            "staff");
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                    addresses.failure(key);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("staff-login-throttle");
        registration.addUrlPatterns(loginPrefix + "*", "/engine-rest/*", "/staff/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
