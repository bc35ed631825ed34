package ca.gc.microacquisition.adapters.payment.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.gc.microacquisition.adapters.Secrets;

/** Stripe as the card processor: created only when {@code app.payment.provider=stripe}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "stripe")
@EnableConfigurationProperties(StripeProperties.class)
public class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    StripeCardProcessor stripeCardProcessor(StripeProperties properties) {
        log.info("Card processor: Stripe at {} (key {})", properties.apiBase(), Secrets.mask(properties.apiKey()));
        return new StripeCardProcessor(properties);
    }
}
