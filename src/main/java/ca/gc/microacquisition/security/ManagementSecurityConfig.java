package ca.gc.microacquisition.security;

import ca.gc.microacquisition.identity.CamundaIdentityAuthentication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator endpoints (on the management port, {@code management.server.port}): the health probes
 * ({@code /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness}) answer anyone
 * with a status and nothing more (the orchestrator has no credentials); every other endpoint (Prometheus metrics)
 * needs HTTP Basic of a Camunda user in one of {@code app.management.groups}.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    static final String SIGN_IN = "Sign in with the Camunda user id and password of a monitoring account (HTTP Basic).";
    static final String REFUSAL = "Only the groups set in app.management.groups may read the metrics.";

    @Bean
    @Order(SecurityChainOrder.MANAGEMENT)
    SecurityFilterChain managementSecurity(
            HttpSecurity http,
            IdentityService identityService,
            ObjectMapper json,
            @Value("${app.management.groups:camunda-admin}") String groups)
            throws Exception {
        String[] authorities = Arrays.stream(groups.split(","))
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .map(g -> CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX + g)
                .toArray(String[]::new);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identityService)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(authorities));
        StatelessChains.basicWithProblems(http, json, "management", SIGN_IN, REFUSAL);
        StatelessChains.stateless(http);
        return http.build();
    }
}
