package ca.gc.microacquisition.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ca.gc.microacquisition.adapters.payment.stripe.StripeCardProcessor;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import ca.gc.microacquisition.payment.PaymentService;
import ca.gc.microacquisition.process.ProcessScenario.Team;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole procurements with the real GitHub and Stripe adapters pointed at a local stand-in that serves the
 * providers' documented responses, including a node that dies after Stripe answered and before the engine
 * committed: the job runs again and Stripe sees the same idempotency key, so the supplier is charged once.
 */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=githubstripe")
@ActiveProfiles("test")
@Import({ProcessScenario.class, GitHubAndStripeLifecycleTest.CrashAfterCharge.class})
class GitHubAndStripeLifecycleTest {

    static final String REPOSITORY = "https://github.com/gc-demo/widget";
    static final String PULL_REQUEST = REPOSITORY + "/pull/7";
    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    /** GitHub's and Stripe's stand-in; started before the application context reads its address. */
    static final WireMockServer providers =
            new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderClasspath("wiremock"));

    static {
        providers.start();
    }

    @DynamicPropertySource
    static void pointAdaptersAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("app.repository.host", () -> "github");
        registry.add("app.github.api-url", providers::baseUrl);
        registry.add("app.github.token", () -> "ghp_standInToken0000000000000000000000000");
        registry.add("app.github.open-issues", () -> "true");
        registry.add("app.payment.provider", () -> "stripe");
        registry.add("app.stripe.api-base", providers::baseUrl);
        registry.add("app.stripe.api-key", () -> "sk_test_51QxMicroAcquisitionStandIn0000");
    }

    /** Wraps the Stripe adapter: when armed, the node "dies" right after Stripe answered (once). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CrashAfterCharge {
        static final AtomicBoolean ARMED = new AtomicBoolean();

        @Bean
        @Primary
        CardProcessor crashingOnceAfterTheCall(StripeCardProcessor stripe) {
            return new CardProcessor() {
                @Override
                public String provider() {
                    return stripe.provider();
                }

                @Override
                public ChargeResult charge(ChargeRequest request) {
                    ChargeResult result = stripe.charge(request);
                    if (ARMED.compareAndSet(true, false)) {
                        throw new IllegalStateException("The node stopped after the card processor answered");
                    }
                    return result;
                }

                @Override
                public ChargeResult refund(String providerReference, String idempotencyKey) {
                    return stripe.refund(providerReference, idempotencyKey);
                }
            };
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    ProcessScenario scenario;

    @Autowired
    ManagementService managementService;

    @Autowired
    ContractService contracts;

    @Autowired
    PaymentService payments;

    @BeforeEach
    void stubProviders() {
        BpmnAwareTests.init(engine);
        providers.resetAll();
        providers.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget")).willReturn(json(200, "github/repo.json")));
        providers.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/license")).willReturn(json(200, "github/license.json")));
        providers.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/pulls/7")).willReturn(json(200, "github/pull-7-open.json")));
        providers.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/commits/" + SHA + "/check-runs"))
                .willReturn(json(200, "github/check-runs-passing.json")));
        providers.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/statuses/" + SHA))
                .willReturn(json(200, "github/statuses-success.json")));
        providers.stubFor(get(urlPathMatching("/repos/gc-demo/widget/contents/?"))
                .willReturn(json(200, "github/contents-root.json")));
        providers.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .willReturn(json(200, "github/code-scanning-alerts.json")));
        providers.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/issues"))
                .willReturn(json(200, "github/issues-open-without-marker.json")));
        providers.stubFor(
                post(urlPathEqualTo("/repos/gc-demo/widget/issues")).willReturn(json(201, "github/issue-12.json")));
        // The supplier's Stripe Connect account: opened, onboarded on Stripe's pages, read back ready.
        providers.stubFor(post(urlPathEqualTo("/v1/accounts")).willReturn(json(200, "stripe/account-created.json")));
        providers.stubFor(post(urlPathEqualTo("/v1/account_links")).willReturn(json(200, "stripe/account-link.json")));
        providers.stubFor(get(urlPathEqualTo("/v1/accounts/acct_1QxSupplier01"))
                .willReturn(json(200, "stripe/account-ready.json")));
        // Stripe answers a repeated idempotency key with the first response, flagged as a replay.
        providers.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .inScenario("idempotency")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("charged")
                .willReturn(json(200, "stripe/payment-intent-succeeded.json")));
        providers.stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .inScenario("idempotency")
                .whenScenarioStateIs("charged")
                .willReturn(
                        json(200, "stripe/payment-intent-succeeded.json").withHeader("Idempotent-Replayed", "true")));
    }

    @Test
    void aWholeProcurementWithGitHubCodeScanningAndAStripePayment() {
        ProcessInstance pi = awardedAndDelivered();
        // GitHub's code scanning reports a high-severity alert: the QA gate asks a reviewer.
        assertThat(pi)
                .isWaitingAt("ReviewQaFindings")
                .variables()
                .containsEntry("qaOutcome", "REVIEW")
                .containsEntry("checksOutcome", "PASSED")
                .containsEntry("highFindings", 1);
        scenario.complete(
                pi,
                "ReviewQaFindings",
                "qa",
                "qa-reviewers",
                Map.of(
                        "qaDecision",
                        "APPROVE",
                        "qaReviewNote",
                        "The query is built from a constant list; not exploitable."));
        acceptAndPay(pi);

        assertThat(pi).isEnded().hasPassed("Task_PayByCard", "EndEvent_Completed");
        // Posting opened one issue in the repository, marked with the reference so that retries reuse it.
        List<LoggedRequest> issues =
                providers.findAll(postRequestedFor(urlPathEqualTo("/repos/gc-demo/widget/issues")));
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).getBodyAsString()).contains("micro-acquisition:" + pi.getBusinessKey());
        List<LoggedRequest> charges = providers.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).getHeader("Idempotency-Key"))
                .isEqualTo("contract-" + scenario.contractIdFromHistory(pi) + "-attempt-1");
        // A destination charge to the supplier's connected account, for the contract's amount and currency.
        var contract = contracts.get(scenario.contractIdFromHistory(pi));
        providers.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withFormParam("transfer_data[destination]", equalTo("acct_1QxSupplier01"))
                        .withFormParam(
                                "amount",
                                equalTo(contract.getPrice()
                                        .movePointRight(2)
                                        .toBigInteger()
                                        .toString()))
                        .withFormParam(
                                "currency", equalTo(contract.getCurrency().toLowerCase(java.util.Locale.ROOT))));
        // The connected account was read again from Stripe before the award.
        providers.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo("/v1/accounts/acct_1QxSupplier01")));
    }

    @Test
    void aCrashBetweenTheCardPaymentAndTheCommitChargesOnce() {
        ProcessInstance pi = awardedAndDelivered();
        scenario.complete(
                pi,
                "ReviewQaFindings",
                "qa",
                "qa-reviewers",
                Map.of(
                        "qaDecision",
                        "APPROVE",
                        "qaReviewNote",
                        "The query is built from a constant list; not exploitable."));
        String accept = scenario.task(pi, "AcceptWork").getId();
        scenario.as(scenario.task(pi, "AcceptWork").getAssignee(), "requesters", () -> {
            scenario.taskService.complete(accept, Map.of("acceptanceDecision", "ACCEPT", "section34Certified", true));
            return null;
        });

        CrashAfterCharge.ARMED.set(true);
        Job payment = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Task_PayByCard")
                .singleResult();
        assertThatThrownBy(() -> managementService.executeJob(payment.getId())).hasMessageContaining("stopped after");
        // The engine will run the job again (on this node or another): here, at once.
        managementService.setJobDuedate(payment.getId(), new Date());
        scenario.runJobs(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_Completed");
        UUID contractId = scenario.contractIdFromHistory(pi);
        List<LoggedRequest> charges = providers.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
        assertThat(charges).hasSize(2);
        assertThat(charges)
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly("contract-" + contractId + "-attempt-1");
        assertThat(payments.latestFor(contractId)).get().satisfies(attempt -> {
            assertThat(attempt.getAttempt()).isEqualTo(1);
            assertThat(attempt.getStatus().name()).isEqualTo("SUCCEEDED");
            assertThat(attempt.getProviderReference()).isEqualTo("pi_3QxMicroAcq0001");
        });
        providers.verify(
                2,
                postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", matching("contract-.*-attempt-1"))
                        .withFormParam("transfer_data[destination]", equalTo("acct_1QxSupplier01")));
    }

    private ProcessInstance awardedAndDelivered() {
        Team team = scenario.newTeam(REPOSITORY);
        ProcessInstance pi = scenario.startAndCheck(team);
        assertThat(pi).isWaitingAt("AttestCapacity").variables().containsEntry("repositoryOpen", true);
        scenario.attestAndCommit(pi, "pm_card_visa");
        if (isWaitingAt(pi, "ReviewSplittingReferral")) {
            scenario.complete(
                    pi,
                    "ReviewSplittingReferral",
                    "officer",
                    "procurement-officers",
                    Map.of(
                            "splittingDecision",
                            "APPROVE",
                            "splittingRationale",
                            "Separate pieces of work on a shared repository."));
        }
        UUID supplier = scenario.newSupplier("en");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        contracts.submitDelivery(scenario.contractId(pi), supplier, PULL_REQUEST);
        scenario.runJobs(pi);
        return pi;
    }

    private void acceptAndPay(ProcessInstance pi) {
        String requester = scenario.task(pi, "AcceptWork").getAssignee();
        scenario.complete(
                pi,
                "AcceptWork",
                requester,
                "requesters",
                Map.of("acceptanceDecision", "ACCEPT", "section34Certified", true));
        scenario.runJobs(pi);
    }

    private boolean isWaitingAt(ProcessInstance pi, String activity) {
        return engine.getRuntimeService()
                        .createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .activityId(activity)
                        .count()
                > 0;
    }

    private static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBodyFile(file);
    }
}
