package ca.gc.microacquisition.rules;

import java.io.IOException;
import java.net.URI;
import java.util.List;

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

import ca.gc.microacquisition.identity.AccessGroups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /staff/rule-changes}: HTTP Basic against Camunda's users (the same accounts as Cockpit), open to members of
 * {@code auditors}, {@code cfob-rules} and {@code camunda-admin}; everyone else gets 403, an unknown user or wrong
 * password 401 (as problem+json).
 */
@Configuration(proxyBeanMethods = false)
public class RuleChangesSecurityConfiguration {

    static final List<String> READERS = List.of(AccessGroups.AUDITORS, AccessGroups.CFOB_RULES,
            AccessGroups.CAMUNDA_ADMIN);

    @Bean
    // Before the chain of the other /staff/** reports, which only auditors and administrators may read.
    @Order(Ordered.HIGHEST_PRECEDENCE + 19)
    public SecurityFilterChain ruleChangesSecurityFilterChain(HttpSecurity http, IdentityService identityService,
                                                              ObjectMapper json) throws Exception {
        http.securityMatcher("/staff/rule-changes", "/staff/rule-changes/**")
                .authenticationManager(new ProviderManager(new CamundaUserAuthentication(identityService)))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyAuthority(READERS.toArray(String[]::new)))
                .httpBasic(basic -> basic.realmName("camunda").authenticationEntryPoint((request, response, e) ->
                        problem(json, request, response, HttpStatus.UNAUTHORIZED,
                                "Sign in with your Camunda user name and password (HTTP Basic).")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problem(json, request, response,
                                HttpStatus.UNAUTHORIZED, "Sign in with your Camunda user name and password (HTTP Basic)."))
                        .accessDeniedHandler((request, response, e) -> problem(json, request, response,
                                HttpStatus.FORBIDDEN, "Only auditors, CFOB and administrators may read the rule changes.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** Checks the password with Camunda's IdentityService; the user's Camunda groups become the authorities. */
    static final class CamundaUserAuthentication implements AuthenticationProvider {

        private final IdentityService identityService;

        CamundaUserAuthentication(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String user = authentication.getName();
            Object credentials = authentication.getCredentials();
            if (user == null || credentials == null
                    || !identityService.checkPassword(user, credentials.toString())) {
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list()
                    .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
            return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
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
            response.setHeader("WWW-Authenticate", "Basic realm=\"camunda\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
