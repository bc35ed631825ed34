package ca.gc.microacquisition.security;

import ca.gc.microacquisition.common.LoginThrottle;
import ca.gc.microacquisition.common.SignInThrottledException;
import ca.gc.microacquisition.common.ThrottledAuthenticationProvider;
import ca.gc.microacquisition.portal.PathLocaleResolver;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.supplier.SupplierRepository;
import ca.gc.microacquisition.supplier.SupplierUserDetailsService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Security of the portal's pages (the staff pages have their own chain: {@link StaffSecurityConfig}).
 * <ul>
 * <li>Everything else (the portal): suppliers sign in with a form (e-mail and password) and keep a session; pages
 * that act for a supplier need it; forms carry a CSRF token; one generic message on a failed sign-in. Failed
 * sign-ins back off per account and per address (shared with the API); a session ends when its supplier's password
 * changed after sign-in ({@link SupplierSessionCheck}).</li>
 * </ul>
 * The supplier API ({@code /api/**}) and the Camunda paths have their own chains, which come first.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurityConfig {

    static final String[] SUPPLIER_PAGES = {
        "/en/my/**",
        "/fr/my/**",
        "/en/opportunities/*/propose",
        "/fr/opportunities/*/propose",
        "/en/opportunities/*/questions",
        "/fr/opportunities/*/questions",
        "/en/contracts/**",
        "/fr/contracts/**"
    };

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(SecurityChainOrder.PORTAL)
    public SecurityFilterChain portalSecurity(
            HttpSecurity http,
            SupplierRepository suppliers,
            PasswordEncoder passwordEncoder,
            @Qualifier("supplierAccountThrottle") LoginThrottle accounts,
            @Qualifier("signInAddressThrottle") LoginThrottle addresses)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new SupplierUserDetailsService(suppliers));
        provider.setPasswordEncoder(passwordEncoder);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Camunda's webapps and REST API secure themselves (login, session, their own CSRF token): not this chain.
        http.securityMatcher(request -> {
                    String path = request.getRequestURI()
                            .substring(request.getContextPath().length());
                    return !(path.equals("/camunda")
                            || path.startsWith("/camunda/")
                            || path.equals("/engine-rest")
                            || path.startsWith("/engine-rest/"));
                })
                .authenticationManager(
                        new ProviderManager(new ThrottledAuthenticationProvider(provider, accounts, addresses)))
                // A session whose supplier changed password since signing in (e.g. a reset) ends.
                .addFilterAfter(
                        new SupplierSessionCheck(suppliers),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(SUPPLIER_PAGES)
                        .hasAuthority(SupplierPrincipal.ROLE)
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/en/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> {
                            SavedRequest saved = requestCache.getRequest(request, response);
                            requestCache.removeRequest(request, response);
                            response.sendRedirect(
                                    saved != null
                                            ? saved.getRedirectUrl()
                                            : request.getContextPath() + "/" + lang(request) + "/my");
                        })
                        .failureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + "/" + lang(request) + "/sign-in?"
                                        + (e instanceof SignInThrottledException ? "throttled" : "error"))))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + "/" + lang(request) + "/?signedOut")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signInPage()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf ->
                        csrf.ignoringRequestMatchers("/en/subscriptions/unsubscribe", "/fr/subscriptions/unsubscribe"))
                .httpBasic(basic -> basic.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** Pages that need a supplier send people to the sign-in page in the page's language. */
    private static AuthenticationEntryPoint signInPage() {
        return (HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.AuthenticationException e) -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            try {
                response.sendRedirect(request.getContextPath() + "/" + PathLocaleResolver.language(path) + "/sign-in");
            } catch (IOException io) {
                throw new IllegalStateException(io);
            }
        };
    }

    /** The language of a form post: its "lang" field. */
    static String lang(HttpServletRequest request) {
        return "fr".equals(request.getParameter("lang")) ? "fr" : "en";
    }
}
