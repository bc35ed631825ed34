package ca.gc.microacquisition.security;

import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.identity.CamundaIdentityAuthentication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The staff pages and reports under {@code /staff/**}: HTTP Basic with a Camunda user id and password (checked by
 * Camunda's IdentityService; the user's Camunda groups decide), stateless, read-only, problem+json refusals.
 * <ul>
 * <li>{@code /staff/rule-changes}: auditors, CFOB and administrators;</li>
 * <li>{@code /staff/outbox}: the groups in {@code app.staff.groups} (administrators and auditors by default);</li>
 * <li>{@code /staff/metrics/rebuild} (POST: the pilot metrics' totals computed again): administrators only;</li>
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
    public SecurityFilterChain staffSecurity(
            HttpSecurity http,
            IdentityService identityService,
            ObjectMapper json,
            @Value("${app.staff.groups:camunda-admin,auditors}") String outboxGroups)
            throws Exception {
        http.securityMatcher("/staff/**")
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identityService)))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/staff/rule-changes", "/staff/rule-changes/**")
                        .hasAnyAuthority(
                                authorities(AccessGroups.AUDITORS, AccessGroups.CFOB_RULES, AccessGroups.CAMUNDA_ADMIN))
                        .requestMatchers("/staff/metrics/rebuild")
                        .hasAnyAuthority(authorities(AccessGroups.CAMUNDA_ADMIN))
                        .requestMatchers("/staff/finance/**")
                        .hasAnyAuthority(authorities(AccessGroups.FINANCE, AccessGroups.CAMUNDA_ADMIN))
                        .requestMatchers("/staff/outbox", "/staff/outbox/**")
                        .hasAnyAuthority(authorities(Arrays.stream(outboxGroups.split(","))
                                .map(String::strip)
                                .filter(g -> !g.isEmpty())
                                .toArray(String[]::new)))
                        .anyRequest()
                        .hasAnyAuthority(authorities(AccessGroups.AUDITORS, AccessGroups.CAMUNDA_ADMIN)));
        StatelessChains.basicWithProblems(http, json, "staff", SIGN_IN, REFUSAL);
        StatelessChains.stateless(http);
        return http.build();
    }

    private static String[] authorities(String... groups) {
        return Stream.of(groups)
                .map(g -> CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX + g)
                .toArray(String[]::new);
    }
}
