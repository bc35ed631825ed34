package ca.gc.microacquisition.adapters.payment.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.stripe.connect.*}: the suppliers' connected accounts (Stripe Connect, Express accounts).
 *
 * @param country    the country of the connected accounts Stripe opens (ISO 3166-1 alpha-2), {@code CA}
 * @param onBehalfOf send {@code on_behalf_of} with each destination charge: the supplier's account is then the
 *                   settlement merchant (needed when the platform and the suppliers are in different countries, or
 *                   when the supplier's name must be on the department's statement); the accounts are then opened
 *                   with the {@code card_payments} capability too, and are ready only once charges are enabled
 */
@ConfigurationProperties("app.stripe.connect")
public record StripeConnectProperties(
        @DefaultValue("CA") String country,
        @DefaultValue("false") boolean onBehalfOf) {}
