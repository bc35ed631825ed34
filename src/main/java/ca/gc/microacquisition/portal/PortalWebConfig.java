package ca.gc.microacquisition.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portal's language resolution and the rate limits on forms that create things. */
@Configuration(proxyBeanMethods = false)
public class PortalWebConfig implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimits;

    PortalWebConfig(RateLimitInterceptor rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Bean
    public LocaleResolver localeResolver() {
        return new PathLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimits);
    }
}
