package ca.gc.microacquisition.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security is on the class path for the service's own API. Camunda secures its own paths: the webapps
 * ({@code /camunda/**}) with their login, session and CSRF filters, the REST API ({@code /engine-rest/**}) with
 * {@code identity.EngineRestAuthenticationConfiguration}. This chain hands those paths to Camunda, so that Spring Security's
 * defaults (a generated user, its own CSRF token) do not stand in the way. It matches only these paths and runs
 * before any chain for the rest of the application.
 */
@Configuration(proxyBeanMethods = false)
public class CamundaPathsSecurityConfig {

    @Bean
    @Order(SecurityChainOrder.CAMUNDA_PATHS)
    public SecurityFilterChain camundaPathsSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/camunda/**", "/engine-rest/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // Camunda's CsrfPreventionFilter protects the webapps; the REST API is authenticated per request.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
