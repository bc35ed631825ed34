package ca.gc.microacquisition.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.contract.ContractStatus;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.FakeCardProcessor;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class PaymentServiceTest {

    @Autowired
    Fixtures fx;

    @Autowired
    PaymentService payments;

    @Autowired
    PaymentRepository paymentRepository;

    @Autowired
    ContractService contracts;

    @Autowired
    FakeCardProcessor processor;

    @Autowired
    PayeeService payees;

    Contract contract;

    @BeforeEach
    void setUp() {
        fx.reset();
        contract = fx.accepted("Team " + UUID.randomUUID());
    }

    @Test
    void payingTwiceChargesOnce() {
        PaymentOutcome first = payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);
        PaymentOutcome second = payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(second).isEqualTo(first);
        String key = "contract-" + contract.getId() + "-attempt-1";
        assertThat(processor.callsFor(key)).hasSize(1);
        assertThat(processor.callsFor(key).get(0).amount()).isEqualByComparingTo("8500.00");
        assertThat(processor.callsFor(key).get(0).currency()).isEqualTo("CAD");
        // A destination charge to the supplier's connected account, never to the platform's own account.
        assertThat(processor.callsFor(key).get(0).payeeReference())
                .isEqualTo(payees.readiness(contract.getSupplierId()).accountId())
                .startsWith("acct_sandbox_");
        assertThat(processor.chargesStartingWith("contract-" + contract.getId()))
                .isEqualTo(1);

        Payment stored = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(stored.getIdempotencyKey()).isEqualTo(key);
        assertThat(stored.getPaymentMethod()).isEqualTo("…visa");
        assertThat(stored.getProviderReference()).isNotBlank();

        contracts.close(contract.getId());
        assertThat(contracts.get(contract.getId()).getStatus()).isEqualTo(ContractStatus.CLOSED);
        assertThat(fx.opportunities.get(contract.getOpportunityId()).getStatus())
                .isEqualTo(OpportunityStatus.COMPLETED);
    }

    @Test
    void aCardPaymentMadeInErrorIsRefundedOnce() {
        payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);

        PaymentOutcome refunded =
                payments.refund(contract.getId(), "The supplier was paid twice by mistake.", "finance");
        PaymentOutcome again = payments.refund(contract.getId(), "The supplier was paid twice by mistake.", "finance");

        assertThat(refunded.status()).isEqualTo("REFUNDED");
        assertThat(again).isEqualTo(refunded);
        assertThat(payments.latestFor(contract.getId()).orElseThrow().getMessage())
                .contains("by finance");
        assertThat(processor.refunds()).containsOnlyOnce("contract-" + contract.getId() + "-attempt-1-refund");
    }

    @Test
    void onlyASuccessfulPaymentCanBeRefunded() {
        assertThatThrownBy(() -> payments.refund(contract.getId(), "Nothing was paid yet, but try.", "finance"))
                .isInstanceOf(ConflictException.class);
        payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);
        assertThatThrownBy(() -> payments.refund(contract.getId(), "short", "finance"))
                .isInstanceOf(DomainValidationException.class);
    }

    @Test
    void aPendingAttemptIsRetriedWithTheSameKey() {
        processor.failNextCalls(1);
        assertThatThrownBy(() -> payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD))
                .isInstanceOf(CardProcessorUnavailableException.class);

        Payment pending = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(pending.getStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(pending.getAttempt()).isEqualTo(1);

        PaymentOutcome outcome = payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD);

        assertThat(outcome.status()).isEqualTo("SUCCEEDED");
        assertThat(outcome.paymentId()).isEqualTo(pending.getId());
        assertThat(processor.callsFor(pending.getIdempotencyKey())).hasSize(2);
        assertThat(paymentRepository.findByContractIdOrderByAttempt(contract.getId()))
                .hasSize(1);
        assertThat(processor.chargesStartingWith("contract-" + contract.getId()))
                .isEqualTo(1);
    }

    @Test
    void aDeclineIsRecordedAndARetryUsesANewKey() {
        PaymentOutcome declined = payments.pay(contract.getId(), FakeCardProcessor.DECLINED_CARD);
        assertThat(declined.status()).isEqualTo("DECLINED");
        Payment first = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(first.getDeclineCode()).isEqualTo("card_declined");
        assertThat(payments.pay(contract.getId(), FakeCardProcessor.DECLINED_CARD))
                .isEqualTo(declined);
        assertThat(processor.callsFor(first.getIdempotencyKey())).hasSize(1);

        payments.prepareRetry(contract.getId(), "pm_card_mastercard");
        Payment second = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(second.getAttempt()).isEqualTo(2);
        assertThat(second.getStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(second.getIdempotencyKey()).isEqualTo("contract-" + contract.getId() + "-attempt-2");
        assertThat(second.getPaymentMethod()).isEqualTo("…card");

        assertThat(payments.pay(contract.getId(), "pm_card_mastercard").status())
                .isEqualTo("SUCCEEDED");
        assertThat(processor.callsFor(second.getIdempotencyKey())).hasSize(1);
        assertThatThrownBy(() -> payments.prepareRetry(contract.getId(), FakeCardProcessor.GOOD_CARD))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aManualPaymentIsRecordedAfterADecline() {
        payments.pay(contract.getId(), FakeCardProcessor.DECLINED_CARD);
        assertThatThrownBy(() -> payments.recordManualPayment(contract.getId(), " ", "finance"))
                .isInstanceOf(DomainValidationException.class);

        payments.recordManualPayment(contract.getId(), "PAYPAL-12345", "finance");

        Payment manual = payments.latestFor(contract.getId()).orElseThrow();
        assertThat(manual.getStatus()).isEqualTo(PaymentStatus.MANUAL);
        assertThat(manual.getProviderReference()).isEqualTo("PAYPAL-12345");
        assertThat(manual.getRecordedBy()).isEqualTo("finance");
        assertThat(payments.pay(contract.getId(), FakeCardProcessor.GOOD_CARD).status())
                .isEqualTo("MANUAL");
        contracts.close(contract.getId());
        assertThat(contracts.get(contract.getId()).getStatus()).isEqualTo(ContractStatus.CLOSED);
    }

    @Test
    void cardNumbersAreRefusedBeforeAnyChargeAndManualReferencesAreMasked() {
        assertThatThrownBy(() -> payments.pay(contract.getId(), "4242 4242 4242 4242"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("looks like a card number");
        assertThat(payments.latestFor(contract.getId())).isEmpty();
        assertThat(processor.chargesStartingWith("contract-" + contract.getId()))
                .isZero();

        payments.pay(contract.getId(), FakeCardProcessor.DECLINED_CARD);
        assertThatThrownBy(() -> payments.prepareRetry(contract.getId(), "5555-5555-5555-4444"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("looks like a card number");
        assertThatThrownBy(() -> payments.prepareRetry(contract.getId(), "VISA 1234"))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("must be a card processor token");
        assertThat(payments.latestFor(contract.getId()).orElseThrow().getAttempt())
                .isEqualTo(1);

        payments.recordManualPayment(contract.getId(), "paid with 4242424242424242", "finance");
        assertThat(payments.latestFor(contract.getId()).orElseThrow().getProviderReference())
                .isEqualTo("paid with …4242");
    }

    @Test
    void payingNeedsAnAcceptedContractAndACard() {
        var awarded = fx.awarded("Team " + UUID.randomUUID());
        assertThatThrownBy(() -> payments.pay(awarded.contract().getId(), FakeCardProcessor.GOOD_CARD))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> payments.pay(contract.getId(), null)).isInstanceOf(DomainValidationException.class);
        assertThat(payments.latestFor(awarded.contract().getId())).isEmpty();
    }
}
