package ca.gc.microacquisition.identity;

import ca.gc.microacquisition.common.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's first-administrator setup ({@code /camunda/api/admin/setup/{engine}/user/create}) lets anyone
 * create a {@code camunda-admin} user while the database has none. Outside the {@code demo} profile it is refused
 * (403 problem+json); the first administrator comes from {@code app.bootstrap-admin.*} ({@link AccessInitializer}).
 * The servlet container matches the decoded, normalised path, so {@code %73etup} is caught too.
 */
@Configuration(proxyBeanMethods = false)
public class FirstAdminSetupGuard {

    static final String REFUSAL = "The first-administrator setup is off. The first administrator comes from the "
            + "service's configuration (app.bootstrap-admin.user-id); see docs/access.md.";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> firstAdminSetupGuardFilter(
            Environment environment,
            ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        boolean demo = environment.acceptsProfiles(Profiles.of(SafeStartup.DEMO));
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (demo) {
                    chain.doFilter(request, response);
                    return;
                }
                ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, REFUSAL, "staff");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("first-admin-setup-guard");
        registration.addUrlPatterns(webappPath + "/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
