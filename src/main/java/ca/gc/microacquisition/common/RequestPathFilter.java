package ca.gc.microacquisition.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400) a request whose path percent-encodes a character that never needs it: a letter, a digit or one of
 * {@code - . _ ~} (RFC 3986 "unreserved"). {@code /en/%72egister} means {@code /en/register} to Spring MVC but not to
 * a check that reads the raw address, so such paths only serve to slip past checks. Browsers, curl and HTTP
 * libraries never send them. The API and the engine REST API get problem+json; other paths a plain 400.
 * (Encoded slashes, backslashes, percent signs, dots in segments and semicolons are refused earlier by the servlet
 * container and Spring Security's firewall.)
 */
@Configuration(proxyBeanMethods = false)
public class RequestPathFilter {

    static final Pattern NEEDLESS_ENCODING =
            Pattern.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DdEe]|5[Ff]|7[Ee])");
    static final String REFUSAL =
            "The address percent-encodes a letter, digit or one of - . _ ~; send the plain " + "characters.";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> requestPathFilterRegistration(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (hasNeedlessEncoding(request.getRequestURI())) {
                    String path = request.getRequestURI();
                    if (path.startsWith(request.getContextPath() + "/api/")
                            || path.startsWith(request.getContextPath() + "/engine-rest/")) {
                        ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, REFUSAL, "suppliers");
                    } else {
                        response.sendError(HttpStatus.BAD_REQUEST.value(), REFUSAL);
                    }
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("request-path-filter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static boolean hasNeedlessEncoding(String rawPath) {
        return rawPath != null
                && rawPath.indexOf('%') >= 0
                && NEEDLESS_ENCODING.matcher(rawPath).find();
    }
}
