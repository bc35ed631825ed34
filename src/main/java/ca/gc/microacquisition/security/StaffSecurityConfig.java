package ca.gc.microacquisition.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.gc.microacquisition.common.ProblemResponses;
import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.identity.CamundaIdentityAuthentication;

/**
 * The staff pages and reports under {@code /staff/**}: HTTP Basic with a Camunda user id and password (checked by
 * Camunda's IdentityService; the user's Camunda groups decide), stateless, read-only, problem+json refusals.
 * <ul>
 * <li>{@code /staff/rule-changes}: auditors, CFOB and administrators;</li>
 * <li>{@code /staff/outbox}: the groups in {@code app.staff.groups} (administrators and auditors by default);</li>
 * <li>everything else (audit trail, exports, metrics, open data): auditors and administrators.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurityConfig {

    static final String SIGN_IN = "Sign in with your Camunda user id and password (HTTP Basic).";
    static final String REFUSAL = "Only auditors and administrators may see the audit trail and pilot reports"
            + " (rule changes: also CFOB; the outbox: the groups set for it).";

    @Bean
    @Order(SecurityChainOrder.STAFF)
    public SecurityFilterChain staffSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
                                             @Value("${app.staff.groups:camunda-admin,auditors}") String outboxGroups)
            throws Exception {
        http.securityMatcher("/staff/**")
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identityService)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/staff/rule-changes", "/staff/rule-changes/**")
                        .hasAnyAuthority(authorities(AccessGroups.AUDITORS, AccessGroups.CFOB_RULES, AccessGroups.CAMUNDA_ADMIN))
                        .requestMatchers("/staff/finance/**")
                        .hasAnyAuthority(authorities(AccessGroups.FINANCE, AccessGroups.CAMUNDA_ADMIN))
                        .requestMatchers("/staff/outbox", "/staff/outbox/**")
                        .hasAnyAuthority(authorities(Arrays.stream(outboxGroups.split(",")).map(String::strip)
                                .filter(g -> !g.isEmpty()).toArray(String[]::new)))
                        .anyRequest().hasAnyAuthority(authorities(AccessGroups.AUDITORS, AccessGroups.CAMUNDA_ADMIN)))
                .httpBasic(basic -> basic.realmName("staff").authenticationEntryPoint((request, response, e) ->
                        problem(json, request, response, HttpStatus.UNAUTHORIZED, SIGN_IN)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problem(json, request, response, HttpStatus.UNAUTHORIZED, SIGN_IN))
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, request, response, HttpStatus.FORBIDDEN, REFUSAL)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    private static String[] authorities(String... groups) {
        return Stream.of(groups).map(g -> CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX + g).toArray(String[]::new);
    }

    private static void problem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                HttpStatus status, String detail) throws IOException {
        ProblemResponses.write(json, request, response, status, detail, "staff");
    }
}
