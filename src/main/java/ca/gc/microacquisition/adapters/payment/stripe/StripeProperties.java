package ca.gc.microacquisition.adapters.payment.stripe;

import ca.gc.microacquisition.adapters.Secrets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.stripe.*}: the Stripe API and its secret key. Used when {@code app.payment.provider=stripe}.
 *
 * @param apiBase        API base URL, {@code https://api.stripe.com} (or a local stand-in)
 * @param apiKey         secret key ({@code sk_live_…}, {@code sk_test_…}) or restricted key ({@code rk_…}); from the
 *                       environment ({@code APP_STRIPE_API_KEY}), never from a committed file
 * @param connectTimeout connection timeout
 * @param readTimeout    time allowed for one response; past it the call counts as an outage and the engine retries
 *                       with the same idempotency key
 */
@ConfigurationProperties("app.stripe")
public record StripeProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        String apiKey,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", apiKey=" + Secrets.mask(apiKey) + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
