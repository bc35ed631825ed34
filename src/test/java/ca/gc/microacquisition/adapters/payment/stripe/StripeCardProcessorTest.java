package ca.gc.microacquisition.adapters.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Stripe card processor against a stand-in serving Stripe's documented responses. */
class StripeCardProcessorTest {

    static final String KEY = "contract-5b1f0c52-attempt-1";
    static final String API_KEY = "sk_test_51QxMicroAcquisitionStandIn0000";
    static final String INTENTS = "/v1/payment_intents";

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("wiremock"))
            .build();

    StripeCardProcessor processor;

    @BeforeEach
    void setUp() {
        processor = new StripeCardProcessor(
                new StripeProperties(stripe.baseUrl(), API_KEY, Duration.ofSeconds(2), Duration.ofMillis(800)));
    }

    static ChargeRequest charge(String key) {
        return new ChargeRequest(
                key, new BigDecimal("1250.50"), "CAD", "pm_1QxCardVisa", "Contract MA-2026-0001", "acct_1QxSupplier01");
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_standin01")
                .withBodyFile(file);
    }

    @Test
    void chargesOnceWithTheIdempotencyKeyAndAConfirmedPaymentIntent() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(200, "stripe/payment-intent-succeeded.json")));

        ChargeResult result = processor.charge(charge(KEY));

        assertThat(result.status()).isEqualTo(ChargeResult.Status.SUCCEEDED);
        assertThat(result.providerReference()).isEqualTo("pi_3QxMicroAcq0001");
        assertThat(result.replayed()).isFalse();
        assertThat(result.message()).contains("1250.50 CAD");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo(INTENTS))
                        .withHeader("Idempotency-Key", equalTo(KEY))
                        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                        .withFormParam("amount", equalTo("125050"))
                        .withFormParam("currency", equalTo("cad"))
                        .withFormParam("payment_method", equalTo("pm_1QxCardVisa"))
                        .withFormParam("confirm", equalTo("true"))
                        .withFormParam("automatic_payment_methods[enabled]", equalTo("true"))
                        .withFormParam("automatic_payment_methods[allow_redirects]", equalTo("never"))
                        .withFormParam("transfer_data[destination]", equalTo("acct_1QxSupplier01"))
                        .withFormParam("metadata[idempotency_key]", equalTo(KEY))
                        .withFormParam("description", equalTo("Contract MA-2026-0001")));
    }

    @Test
    void aDeclineIsAResultForFinanceNotAFailure() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(402, "stripe/error-card-declined.json")));

        ChargeResult result = processor.charge(charge(KEY));

        assertThat(result.status()).isEqualTo(ChargeResult.Status.DECLINED);
        assertThat(result.declineCode()).isEqualTo("insufficient_funds");
        assertThat(result.providerReference()).isEqualTo("pi_3QxDeclined01");
        assertThat(result.message()).contains("Your card has insufficient funds.");
    }

    @Test
    void aTimeoutIsAnOutageAndTheClientDoesNotRetryOnItsOwn() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS))
                .willReturn(json(200, "stripe/payment-intent-succeeded.json").withFixedDelay(2_000)));

        assertThatThrownBy(() -> processor.charge(charge(KEY))).isInstanceOf(CardProcessorUnavailableException.class);
        stripe.verify(1, postRequestedFor(urlPathEqualTo(INTENTS)).withHeader("Idempotency-Key", equalTo(KEY)));
    }

    @Test
    void aServerErrorIsAnOutage() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(500, "stripe/error-api.json")));

        assertThatThrownBy(() -> processor.charge(charge(KEY)))
                .isInstanceOf(CardProcessorUnavailableException.class)
                .hasMessageContaining("An unknown error occurred");
        stripe.verify(1, postRequestedFor(urlPathEqualTo(INTENTS)));
    }

    @Test
    void aRateLimitIsAnOutage() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(429, "stripe/error-rate-limit.json")));

        assertThatThrownBy(() -> processor.charge(charge(KEY))).isInstanceOf(CardProcessorUnavailableException.class);
    }

    @Test
    void aRejectedKeyIsAConfigurationProblemAndNeverShowsTheKey() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(401, "stripe/error-authentication.json")));

        assertThatThrownBy(() -> processor.charge(charge(KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.stripe.api-key")
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void anInvalidRequestIsAConfigurationProblemNotADecline() {
        stripe.stubFor(post(urlPathEqualTo(INTENTS)).willReturn(json(400, "stripe/error-invalid-request.json")));

        assertThatThrownBy(() -> processor.charge(charge(KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No such PaymentMethod");
    }

    @Test
    void aRepeatedKeyIsAnsweredFromTheFirstCall() {
        // Stripe keeps the first response for a key and answers repeats with it, flagged Idempotent-Replayed.
        stripe.stubFor(post(urlPathEqualTo(INTENTS))
                .withHeader("Idempotency-Key", equalTo(KEY))
                .inScenario("replay")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("charged")
                .willReturn(json(200, "stripe/payment-intent-succeeded.json")));
        stripe.stubFor(post(urlPathEqualTo(INTENTS))
                .withHeader("Idempotency-Key", equalTo(KEY))
                .inScenario("replay")
                .whenScenarioStateIs("charged")
                .willReturn(
                        json(200, "stripe/payment-intent-succeeded.json").withHeader("Idempotent-Replayed", "true")));

        ChargeResult first = processor.charge(charge(KEY));
        ChargeResult again = processor.charge(charge(KEY));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(ChargeResult.Status.SUCCEEDED);
        assertThat(again.providerReference()).isEqualTo(first.providerReference());
        // One request per call, each carrying the same key: Stripe, not the client, makes the second one harmless.
        stripe.verify(2, postRequestedFor(urlPathEqualTo(INTENTS)));
        stripe.verify(2, postRequestedFor(urlPathEqualTo(INTENTS)).withHeader("Idempotency-Key", equalTo(KEY)));
    }

    @Test
    void refundsADestinationChargeWithItsOwnKeyAndReversesTheTransfer() {
        stripe.stubFor(get(urlPathEqualTo(INTENTS + "/pi_3QxMicroAcq0001"))
                .willReturn(json(200, "stripe/payment-intent-succeeded.json")));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(200, "stripe/refund-succeeded.json")));

        ChargeResult result = processor.refund("pi_3QxMicroAcq0001", KEY + "-refund");

        assertThat(result.status()).isEqualTo(ChargeResult.Status.REFUNDED);
        assertThat(result.providerReference()).isEqualTo("re_3QxRefund0001");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo(KEY + "-refund"))
                        .withFormParam("payment_intent", equalTo("pi_3QxMicroAcq0001"))
                        .withFormParam("reverse_transfer", equalTo("true")));
    }

    @Test
    void amountsAreExactCents() {
        assertThat(StripeCardProcessor.minorUnits(new BigDecimal("9999.99"))).isEqualTo(999_999L);
        assertThat(StripeCardProcessor.minorUnits(new BigDecimal("10"))).isEqualTo(1_000L);
        assertThatThrownBy(() -> StripeCardProcessor.minorUnits(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new StripeCardProcessor(
                        new StripeProperties(stripe.baseUrl(), " ", Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APP_STRIPE_API_KEY");
    }
}
