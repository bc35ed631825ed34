package ca.gc.microacquisition.security;

import ca.gc.microacquisition.common.ProblemResponses;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/** What the stateless HTTP Basic chains (staff pages, supplier API, management port) have in common. */
final class StatelessChains {

    private StatelessChains() {}

    /**
     * HTTP Basic in this realm, a missing or wrong sign-in answered 401 and a refusal 403, both as problem+json
     * with these details.
     */
    static HttpSecurity basicWithProblems(
            HttpSecurity http, ObjectMapper json, String realm, String signIn, String refusal) throws Exception {
        return http.httpBasic(basic -> basic.realmName(realm)
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(
                                json, request, response, HttpStatus.UNAUTHORIZED, signIn, realm)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
                                ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED, signIn, realm))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, refusal, realm)));
    }

    /**
     * No session, no CSRF token (nothing rides on a cookie), no saved request, no sign-in form and no sign-out: every
     * request carries its own credentials.
     */
    static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
    }
}
