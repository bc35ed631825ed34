package ca.gc.microacquisition.adapters.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import ca.gc.microacquisition.payment.ChargeResult.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class SandboxCardProcessorTest {

    @Autowired
    CardProcessor processor;

    @Autowired
    SandboxCardChargeRepository ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SandboxLedger ledgerWriter;

    private static String newKey() {
        return "contract-" + UUID.randomUUID() + "-attempt-1";
    }

    private static ChargeRequest request(String key, String amount, String currency, String method) {
        return new ChargeRequest(
                key,
                amount == null ? null : new BigDecimal(amount),
                currency,
                method,
                "MA-2026-0001 contract",
                "acct_supplier_1");
    }

    private SandboxCardCharge row(String key) {
        return ledger.findByIdempotencyKey(key).orElseThrow();
    }

    @Test
    void theSandboxIsTheDefaultProcessor() {
        assertThat(processor).isInstanceOf(SandboxCardProcessor.class);
        assertThat(processor.provider()).isEqualTo("sandbox");
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_visa, pm_card_visa",
        "pm_card_mastercard, pm_card_mastercard",
        "4242424242424242, …4242",
        "'5555 5555 5555 4444', …4444",
        "378282246310005, …0005"
    })
    void testCardsAndValidNumbersSucceed(String method, String masked) {
        String key = newKey();

        ChargeResult result = processor.charge(request(key, "8500.00", "CAD", method));

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.declineCode()).isNull();
        assertThat(result.replayed()).isFalse();
        assertThat(result.providerReference()).startsWith("ch_sandbox_");
        assertThat(result.message()).contains("8500.00 CAD").contains("approved");
        SandboxCardCharge row = row(key);
        assertThat(row.getProviderReference()).isEqualTo(result.providerReference());
        assertThat(row.getKind()).isEqualTo(SandboxCardCharge.Kind.CHARGE);
        assertThat(row.getStatus()).isEqualTo(SandboxCardCharge.Status.SUCCEEDED);
        assertThat(row.getAmount()).isEqualByComparingTo("8500.00");
        assertThat(row.getCurrency()).isEqualTo("CAD");
        assertThat(row.getPaymentMethodMasked()).isEqualTo(masked);
        assertThat(row.getDescription()).isEqualTo("MA-2026-0001 contract");
        assertThat(row.getPayeeReference()).isEqualTo("acct_supplier_1");
        assertThat(row.getCreatedAt()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_chargeDeclined, generic_decline",
        "4000000000000002, generic_decline",
        "pm_card_chargeDeclinedInsufficientFunds, insufficient_funds",
        "4000000000009995, insufficient_funds",
        "pm_card_chargeDeclinedExpiredCard, expired_card",
        "4000000000000069, expired_card",
        "4242424242424241, invalid_payment_method",
        "pm_card_unknown, invalid_payment_method",
        "'', invalid_payment_method"
    })
    void declinesAreReturnedAndRecorded(String method, String code) {
        String key = newKey();

        ChargeResult result = processor.charge(request(key, "100.00", "CAD", method));

        assertThat(result.status()).isEqualTo(Status.DECLINED);
        assertThat(result.declineCode()).isEqualTo(code);
        assertThat(result.message()).contains(code);
        assertThat(row(key).getStatus()).isEqualTo(SandboxCardCharge.Status.DECLINED);
        assertThat(row(key).getDeclineCode()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        "0.00, CAD, invalid_amount",
        "-5.00, CAD, invalid_amount",
        "10.001, CAD, invalid_amount",
        ", CAD, invalid_amount",
        "100.00, USD, unsupported_currency",
        "100.00, , unsupported_currency"
    })
    void amountAndCurrencyAreChecked(String amount, String currency, String code) {
        ChargeResult result = processor.charge(request(newKey(), amount, currency, "pm_card_visa"));

        assertThat(result.status()).isEqualTo(Status.DECLINED);
        assertThat(result.declineCode()).isEqualTo(code);
        assertThat(result.message())
                .contains(code.equals("invalid_amount") ? "more than 0.00 with at most two decimals" : "only CAD");
    }

    @Test
    void anOutageThrowsAndRecordsNothing() {
        String key = newKey();

        assertThatThrownBy(() -> processor.charge(request(key, "100.00", "CAD", "pm_card_sandboxUnavailable")))
                .isInstanceOf(CardProcessorUnavailableException.class)
                .hasMessageContaining("unavailable");
        assertThat(ledger.findByIdempotencyKey(key)).isEmpty();
    }

    @Test
    void aRepeatedKeyReplaysTheFirstAnswerWithoutASecondRow() {
        String key = newKey();
        ChargeResult first = processor.charge(request(key, "250.00", "CAD", "4242424242424242"));
        ChargeResult second = processor.charge(request(key, "250.0", "CAD", "4242 4242 4242 4242"));

        assertThat(second.replayed()).isTrue();
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.providerReference()).isEqualTo(first.providerReference());
        assertThat(second.message()).isEqualTo(first.message());
        assertThat(ledger.findAll())
                .filteredOn(r -> r.getIdempotencyKey().equals(key))
                .hasSize(1);

        String declinedKey = newKey();
        processor.charge(request(declinedKey, "250.00", "CAD", "pm_card_chargeDeclined"));
        ChargeResult replayedDecline =
                processor.charge(request(declinedKey, "250.00", "CAD", "pm_card_chargeDeclined"));
        assertThat(replayedDecline.status()).isEqualTo(Status.DECLINED);
        assertThat(replayedDecline.replayed()).isTrue();
    }

    @Test
    void aKeyCannotBeReusedForADifferentPayment() {
        String key = newKey();
        processor.charge(request(key, "250.00", "CAD", "pm_card_visa"));

        assertThatThrownBy(() -> processor.charge(request(key, "300.00", "CAD", "pm_card_visa")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different request");
    }

    @Test
    void theLedgerRejectsASecondRowWithTheSameKey() {
        String key = newKey();
        processor.charge(request(key, "75.00", "CAD", "pm_card_visa"));

        assertThatThrownBy(() -> ledgerWriter.record(new SandboxCardCharge(
                        key,
                        SandboxCardCharge.Kind.CHARGE,
                        null,
                        new BigDecimal("75.00"),
                        "CAD",
                        "pm_card_visa",
                        SandboxCardCharge.Status.SUCCEEDED,
                        null,
                        null,
                        null,
                        java.time.Instant.now())))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void concurrentCallsWithOneKeyChargeOnce() throws Exception {
        String key = newKey();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ChargeResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<ChargeResult> call = () -> {
                    start.await();
                    return processor.charge(request(key, "75.00", "CAD", "pm_card_visa"));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<ChargeResult> answers = new ArrayList<>();
            for (Future<ChargeResult> f : results) {
                answers.add(f.get());
            }
            assertThat(answers)
                    .extracting(ChargeResult::providerReference)
                    .containsOnly(answers.get(0).providerReference());
            assertThat(answers).filteredOn(r -> !r.replayed()).hasSize(1);
            assertThat(ledger.findAll())
                    .filteredOn(r -> r.getIdempotencyKey().equals(key))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theChargeSurvivesTheCallersRollback() {
        String key = newKey();

        ChargeResult result = transactions.execute(status -> {
            ChargeResult r = processor.charge(request(key, "1200.00", "CAD", "pm_card_visa"));
            status.setRollbackOnly();
            return r;
        });

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(row(key).getStatus()).isEqualTo(SandboxCardCharge.Status.SUCCEEDED);
        // the caller retries after its rollback: the processor answers from its ledger
        assertThat(processor
                        .charge(request(key, "1200.00", "CAD", "pm_card_visa"))
                        .replayed())
                .isTrue();
    }

    @Test
    void aSuccessfulChargeIsRefundedOnce() {
        ChargeResult charge = processor.charge(request(newKey(), "640.50", "CAD", "pm_card_visa"));
        String refundKey = "refund-" + UUID.randomUUID();

        ChargeResult refund = processor.refund(charge.providerReference(), refundKey);
        ChargeResult again = processor.refund(charge.providerReference(), refundKey);
        ChargeResult secondRefund = processor.refund(charge.providerReference(), "refund-" + UUID.randomUUID());

        assertThat(refund.status()).isEqualTo(Status.REFUNDED);
        assertThat(refund.providerReference()).startsWith("re_sandbox_");
        assertThat(refund.message()).contains("640.50 CAD");
        assertThat(again.replayed()).isTrue();
        assertThat(again.providerReference()).isEqualTo(refund.providerReference());
        SandboxCardCharge row = row(refundKey);
        assertThat(row.getKind()).isEqualTo(SandboxCardCharge.Kind.REFUND);
        assertThat(row.getStatus()).isEqualTo(SandboxCardCharge.Status.REFUNDED);
        assertThat(row.getAmount()).isEqualByComparingTo("640.50");
        assertThat(row.getChargeId()).isNotNull();
        assertThat(secondRefund.status()).isEqualTo(Status.DECLINED);
        assertThat(secondRefund.declineCode()).isEqualTo("charge_already_refunded");
    }

    @Test
    void onlySuccessfulChargesCanBeRefunded() {
        ChargeResult declined = processor.charge(request(newKey(), "10.00", "CAD", "pm_card_chargeDeclined"));

        assertThat(processor
                        .refund(declined.providerReference(), "refund-" + UUID.randomUUID())
                        .declineCode())
                .isEqualTo("charge_not_refundable");
        assertThat(processor
                        .refund("ch_sandbox_" + UUID.randomUUID(), "refund-" + UUID.randomUUID())
                        .declineCode())
                .isEqualTo("resource_missing");
        assertThat(processor
                        .refund("not-a-reference", "refund-" + UUID.randomUUID())
                        .declineCode())
                .isEqualTo("resource_missing");
    }
}
