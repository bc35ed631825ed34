package ca.gc.microacquisition.adapters.payment.stripe;

import ca.gc.microacquisition.adapters.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe as the card processor: created only when {@code app.payment.provider=stripe}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "stripe")
@EnableConfigurationProperties({StripeProperties.class, StripeConnectProperties.class})
public class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    StripeCardProcessor stripeCardProcessor(StripeProperties properties, StripeConnectProperties connect) {
        log.info(
                "Card processor: Stripe at {} (key {}), destination charges to Connect accounts{}",
                properties.apiBase(),
                Secrets.mask(properties.apiKey()),
                connect.onBehalfOf() ? " on their behalf" : "");
        return new StripeCardProcessor(properties, connect.onBehalfOf());
    }

    @Bean
    StripePayoutAccounts stripePayoutAccounts(StripeProperties properties, StripeConnectProperties connect) {
        return new StripePayoutAccounts(properties, connect);
    }
}
