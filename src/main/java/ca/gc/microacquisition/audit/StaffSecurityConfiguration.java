package ca.gc.microacquisition.audit;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The staff reports ({@code /staff/**}: audit exports, pilot metrics, open data) sign people in with HTTP Basic
 * against Camunda's users, the same accounts as Cockpit, and admit members of {@code auditors} and
 * {@code camunda-admin} only. Stateless, read-only (GET), answers 401/403 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurityConfiguration {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    public SecurityFilterChain staffReportsSecurity(HttpSecurity http, IdentityService identityService,
                                                    ObjectMapper json) throws Exception {
        String[] allowed = AuditAccess.GROUPS.stream().map(g -> GROUP_AUTHORITY_PREFIX + g).toArray(String[]::new);
        http.securityMatcher("/staff/**")
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthentication(identityService)))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(allowed))
                .httpBasic(basic -> basic.realmName("staff").authenticationEntryPoint((request, response, e) ->
                        problem(json, request, response, HttpStatus.UNAUTHORIZED,
                                "Sign in with your Camunda user id and password (HTTP Basic).")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problem(json, request, response,
                                HttpStatus.UNAUTHORIZED, "Sign in with your Camunda user id and password (HTTP Basic)."))
                        .accessDeniedHandler((request, response, e) -> problem(json, request, response,
                                HttpStatus.FORBIDDEN, AuditAccess.REFUSAL)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** Checks the password with Camunda's identity service and grants one authority per Camunda group. */
    static final class CamundaIdentityAuthentication implements AuthenticationProvider {

        private final IdentityService identityService;

        CamundaIdentityAuthentication(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String user = authentication.getName();
            Object credentials = authentication.getCredentials();
            if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
                throw new BadCredentialsException("Wrong user id or password");
            }
            List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list()
                    .stream().map(Group::getId).map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g))
                    .toList();
            return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    private static void problem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"staff\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
