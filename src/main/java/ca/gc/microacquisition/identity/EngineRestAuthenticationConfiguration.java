package ca.gc.microacquisition.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda REST API ({@code /engine-rest}) is open by default. This filter makes every call authenticate with
 * HTTP Basic against Camunda's users (the same users as Tasklist and Cockpit); the engine's authorizations then
 * decide what the caller may do. There is no anonymous access.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestAuthenticationConfiguration {

    static final String ENGINE_REST_PATTERN = "/engine-rest/*";

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(ENGINE_REST_PATTERN);
        return registration;
    }
}
