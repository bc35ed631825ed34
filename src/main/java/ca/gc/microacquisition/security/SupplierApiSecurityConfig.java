package ca.gc.microacquisition.security;

import ca.gc.microacquisition.common.LoginThrottle;
import ca.gc.microacquisition.common.ProblemResponses;
import ca.gc.microacquisition.common.SignInThrottledException;
import ca.gc.microacquisition.common.ThrottledAuthenticationProvider;
import ca.gc.microacquisition.supplier.ApiTokenAuthenticationProvider;
import ca.gc.microacquisition.supplier.ApiTokens;
import ca.gc.microacquisition.supplier.SupplierRepository;
import ca.gc.microacquisition.supplier.SupplierUserDetailsService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Web security. The supplier API ({@code /api/**}) is stateless, signs suppliers in with HTTP Basic against their
 * accounts (BCrypt) or with a bearer token issued once after that check ({@link ApiTokenFilter}, no BCrypt per
 * call), and answers 401/403 as problem+json. Failed password sign-ins back off per account and per address
 * ({@link ThrottledAuthenticationProvider}): 429 problem+json with Retry-After while the caller must wait. The Camunda paths have their own chain
 * ({@link CamundaPathsSecurityConfig}); the portal's pages and the staff pages theirs
 * ({@link PortalSecurityConfig}, {@link StaffSecurityConfig}); their order is {@link SecurityChainOrder}.
 */
@Configuration(proxyBeanMethods = false)
public class SupplierApiSecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(SecurityChainOrder.SUPPLIER_API)
    public SecurityFilterChain supplierApiSecurity(
            HttpSecurity http,
            SupplierRepository suppliers,
            PasswordEncoder passwordEncoder,
            ObjectMapper json,
            @Qualifier("supplierAccountThrottle") LoginThrottle accounts,
            @Qualifier("signInAddressThrottle") LoginThrottle addresses,
            ApiTokens apiTokens)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new SupplierUserDetailsService(suppliers));
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(provider, accounts, addresses),
                new ApiTokenAuthenticationProvider(apiTokens));
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .addFilterBefore(ApiTokenFilter.create(manager, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/api/opportunities", "/api/opportunities/*")
                                .permitAll()
                                .requestMatchers(HttpMethod.POST, "/api/suppliers", "/api/subscriptions")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.realmName("suppliers").authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof SignInThrottledException throttled) {
                        response.setHeader(
                                "Retry-After",
                                String.valueOf(
                                        Math.max(1, throttled.getRetryAfter().toSeconds())));
                        problem(json, request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                    } else {
                        problem(
                                json,
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Sign in with your supplier e-mail and password (HTTP Basic).");
                    }
                }))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> problem(
                                json,
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Sign in with your supplier e-mail and password (HTTP Basic)."))
                        .accessDeniedHandler((request, response, e) -> problem(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "You may not do this with your account.")));
        StatelessChains.stateless(http);
        return http.build();
    }

    private static void problem(
            ObjectMapper json,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String detail)
            throws IOException {
        ProblemResponses.write(json, request, response, status, detail, "suppliers");
    }
}
