package ca.gc.microacquisition.adapters.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.payee.PayoutAccountStatus;
import ca.gc.microacquisition.payee.PayoutHolder;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The suppliers' Stripe Connect accounts and the destination charge, against a stand-in serving Stripe's documented responses. */
class StripePayoutAccountsTest {

    static final String API_KEY = "sk_test_51QxMicroAcquisitionStandIn0000";
    static final String ACCOUNT = "acct_1QxSupplier01";
    static final String SUPPLIER = "5b1f0c52-8d5e-4d1e-9c61-2f1f0c52aa01";

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("wiremock"))
            .build();

    StripeProperties properties() {
        return new StripeProperties(stripe.baseUrl(), API_KEY, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    StripePayoutAccounts accounts(boolean onBehalfOf) {
        return new StripePayoutAccounts(properties(), new StripeConnectProperties("CA", onBehalfOf));
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_standin02")
                .withBodyFile(file);
    }

    @Test
    void opensOneExpressAccountPerSupplierWithTheTransfersCapability() {
        stripe.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(json(200, "stripe/account-created.json")));

        String id = accounts(false).createAccount(new PayoutHolder(SUPPLIER, "supplier@example.com", "Supplier", "en"));

        assertThat(id).isEqualTo(ACCOUNT);
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/accounts"))
                        .withHeader("Idempotency-Key", equalTo("connected-account-" + SUPPLIER))
                        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                        .withFormParam("type", equalTo("express"))
                        .withFormParam("country", equalTo("CA"))
                        .withFormParam("email", equalTo("supplier@example.com"))
                        .withFormParam("default_currency", equalTo("cad"))
                        .withFormParam("capabilities[transfers][requested]", equalTo("true"))
                        .withFormParam("capabilities[card_payments][requested]", absent())
                        .withFormParam("metadata[supplier]", equalTo(SUPPLIER)));
    }

    @Test
    void onBehalfOfTheSupplierTheAccountAlsoAsksForCardPayments() {
        stripe.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(json(200, "stripe/account-created.json")));

        accounts(true).createAccount(new PayoutHolder(SUPPLIER, "supplier@example.com", "Supplier", "fr"));

        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/accounts"))
                        .withFormParam("capabilities[card_payments][requested]", equalTo("true")));
    }

    @Test
    void theOnboardingLinkSendsTheSupplierBackToThePortal() {
        stripe.stubFor(post(urlPathEqualTo("/v1/account_links")).willReturn(json(200, "stripe/account-link.json")));

        String url = accounts(false)
                .onboardingLink(
                        ACCOUNT,
                        "https://buy.example/en/my/payouts/refresh",
                        "https://buy.example/en/my/payouts/return");

        assertThat(url).startsWith("https://connect.stripe.com/setup/");
        stripe.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/account_links"))
                        .withFormParam("account", equalTo(ACCOUNT))
                        .withFormParam("type", equalTo("account_onboarding"))
                        .withFormParam("refresh_url", equalTo("https://buy.example/en/my/payouts/refresh"))
                        .withFormParam("return_url", equalTo("https://buy.example/en/my/payouts/return")));
    }

    @Test
    void theStatusIsReadBackAndReadyOnlyOnceOnboardedWithPayouts() {
        stripe.stubFor(get(urlPathEqualTo("/v1/accounts/" + ACCOUNT))
                .inScenario("onboarding")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done")
                .willReturn(json(200, "stripe/account-created.json")));
        stripe.stubFor(get(urlPathEqualTo("/v1/accounts/" + ACCOUNT))
                .inScenario("onboarding")
                .whenScenarioStateIs("done")
                .willReturn(json(200, "stripe/account-ready.json")));

        PayoutAccountStatus before = accounts(false).status(ACCOUNT);
        PayoutAccountStatus after = accounts(false).status(ACCOUNT);

        assertThat(before).isEqualTo(new PayoutAccountStatus(ACCOUNT, false, false, false, false));
        assertThat(after).isEqualTo(new PayoutAccountStatus(ACCOUNT, true, true, true, true));
        stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/accounts/" + ACCOUNT)));
    }

    @Test
    void anOutageIsRetriable_andABadIdIsRefusedWithoutACall() {
        stripe.stubFor(get(urlPathEqualTo("/v1/accounts/" + ACCOUNT)).willReturn(json(500, "stripe/error-api.json")));

        assertThatThrownBy(() -> accounts(false).status(ACCOUNT)).isInstanceOf(CardProcessorUnavailableException.class);
        assertThatThrownBy(() -> accounts(false).status("acct_../../v1/charges"))
                .isInstanceOf(IllegalArgumentException.class);
        stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/accounts/" + ACCOUNT)));
    }

    @Test
    void theChargeIsADestinationChargeOnBehalfOfTheSupplier_andARetryKeepsTheKey() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(json(200, "stripe/payment-intent-succeeded.json")));
        var processor = new StripeCardProcessor(properties(), true);
        var request = new ChargeRequest(
                "contract-9-attempt-1",
                new BigDecimal("1250.50"),
                "CAD",
                "pm_1QxCardVisa",
                "Micro-acquisition MA-2026-0001",
                ACCOUNT);

        assertThat(processor.charge(request).status()).isEqualTo(ChargeResult.Status.SUCCEEDED);
        processor.charge(request);

        stripe.verify(
                2,
                postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo("contract-9-attempt-1"))
                        .withFormParam("amount", equalTo("125050"))
                        .withFormParam("currency", equalTo("cad"))
                        .withFormParam("transfer_data[destination]", equalTo(ACCOUNT))
                        .withFormParam("on_behalf_of", equalTo(ACCOUNT)));
    }

    @Test
    void aChargeWithoutTheSuppliersAccountIsRefusedWithoutACall() {
        var processor = new StripeCardProcessor(properties());
        var toPlatform = new ChargeRequest(
                "contract-9-attempt-1",
                new BigDecimal("10.00"),
                "CAD",
                "pm_1QxCardVisa",
                "Micro-acquisition MA-2026-0001",
                null);

        assertThatThrownBy(() -> processor.charge(toPlatform))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connected account");
        stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
    }
}
