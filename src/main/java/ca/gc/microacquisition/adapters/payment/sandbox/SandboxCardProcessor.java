package ca.gc.microacquisition.adapters.payment.sandbox;

import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import ca.gc.microacquisition.payment.PaymentToken;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The offline card processor: decides like a card network would for Stripe's test cards and keeps a persistent
 * ledger (table {@code sandbox_card_charge}).
 *
 * <p>The service itself only ever sends tokens ({@link PaymentToken}: card numbers are refused before a charge is
 * asked for); the numbers below stay for the adapter's own tests of a card network's answers.
 *
 * <p>Test payment methods (Stripe's names and numbers):
 * <ul>
 *   <li>succeed: {@code pm_card_visa}, {@code pm_card_mastercard}, {@code 4242424242424242},
 *       {@code 5555555555554444}, and any other Luhn-valid card number of 13 to 19 digits;</li>
 *   <li>decline {@code generic_decline}: {@code pm_card_chargeDeclined}, {@code 4000000000000002};</li>
 *   <li>decline {@code insufficient_funds}: {@code pm_card_chargeDeclinedInsufficientFunds},
 *       {@code 4000000000009995};</li>
 *   <li>decline {@code expired_card}: {@code pm_card_chargeDeclinedExpiredCard}, {@code 4000000000000069};</li>
 *   <li>{@code pm_card_sandboxUnavailable}: the processor is unreachable
 *       ({@link CardProcessorUnavailableException}), nothing is recorded;</li>
 *   <li>anything else declines with {@code invalid_payment_method}.</li>
 * </ul>
 * The amount must be more than 0 with at most two decimals ({@code invalid_amount}) and the currency CAD
 * ({@code unsupported_currency}).
 *
 * <p>Idempotency: a key already in the ledger is answered with the stored result ({@code replayed = true}) and no
 * new row; reusing a key for a different request is a programming error ({@link IllegalArgumentException}).
 */
@Component
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "sandbox", matchIfMissing = true)
public class SandboxCardProcessor implements CardProcessor {

    public static final String CHARGE_PREFIX = "ch_sandbox_";
    public static final String REFUND_PREFIX = "re_sandbox_";

    /** The test payment method that simulates an outage of the processor. */
    public static final String UNAVAILABLE = "pm_card_sandboxUnavailable";

    static final String GENERIC_DECLINE = "generic_decline";
    static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    static final String EXPIRED_CARD = "expired_card";
    static final String INVALID_PAYMENT_METHOD = "invalid_payment_method";
    static final String INVALID_AMOUNT = "invalid_amount";
    static final String UNSUPPORTED_CURRENCY = "unsupported_currency";
    static final String RESOURCE_MISSING = "resource_missing";
    static final String CHARGE_NOT_REFUNDABLE = "charge_not_refundable";
    static final String CHARGE_ALREADY_REFUNDED = "charge_already_refunded";

    private static final String CURRENCY = "CAD";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /** Test payment methods with a fixed answer: null means approved, else the decline code. */
    private static final Map<String, Optional<String>> TEST_METHODS = Map.ofEntries(
            Map.entry("pm_card_visa", Optional.empty()),
            Map.entry("pm_card_mastercard", Optional.empty()),
            Map.entry("4242424242424242", Optional.empty()),
            Map.entry("5555555555554444", Optional.empty()),
            Map.entry("pm_card_chargeDeclined", Optional.of(GENERIC_DECLINE)),
            Map.entry("4000000000000002", Optional.of(GENERIC_DECLINE)),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", Optional.of(INSUFFICIENT_FUNDS)),
            Map.entry("4000000000009995", Optional.of(INSUFFICIENT_FUNDS)),
            Map.entry("pm_card_chargeDeclinedExpiredCard", Optional.of(EXPIRED_CARD)),
            Map.entry("4000000000000069", Optional.of(EXPIRED_CARD)));

    private final SandboxLedger ledger;
    private final Clock clock;

    public SandboxCardProcessor(SandboxLedger ledger, ObjectProvider<Clock> clock) {
        this.ledger = ledger;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        String key = requireKey(request.idempotencyKey());
        String method = compact(request.paymentMethod());
        if (UNAVAILABLE.equals(method)) {
            throw new CardProcessorUnavailableException(
                    "The sandbox card processor is unavailable (simulated outage for " + UNAVAILABLE + ").");
        }
        String declineCode = declineCode(request.amount(), request.currency(), method);
        SandboxCardCharge toRecord = new SandboxCardCharge(
                key,
                SandboxCardCharge.Kind.CHARGE,
                null,
                storableAmount(request.amount()),
                storableCurrency(request.currency()),
                mask(method),
                declineCode == null ? SandboxCardCharge.Status.SUCCEEDED : SandboxCardCharge.Status.DECLINED,
                declineCode,
                request.description(),
                request.payeeReference(),
                Instant.now(clock));

        Optional<SandboxCardCharge> earlier = ledger.findByKey(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), toRecord);
        }
        try {
            return result(ledger.record(toRecord), false);
        } catch (DataIntegrityViolationException e) {
            // Another call with the same key was recorded between our look-up and our insert.
            return replay(ledger.findByKey(key).orElseThrow(() -> e), toRecord);
        }
    }

    @Override
    public ChargeResult refund(String providerReference, String idempotencyKey) {
        String key = requireKey(idempotencyKey);
        UUID chargeId = chargeIdOf(providerReference);
        Optional<SandboxCardCharge> earlier = ledger.findByKey(key);
        if (earlier.isPresent()) {
            return replayRefund(earlier.get(), chargeId, key);
        }
        try {
            return result(ledger.recordRefund(key, chargeId, clock), false);
        } catch (DataIntegrityViolationException e) {
            return replayRefund(ledger.findByKey(key).orElseThrow(() -> e), chargeId, key);
        }
    }

    private ChargeResult replay(SandboxCardCharge earlier, SandboxCardCharge request) {
        boolean same = earlier.getKind() == request.getKind()
                && sameAmount(earlier.getAmount(), request.getAmount())
                && Objects.equals(earlier.getCurrency(), request.getCurrency())
                && Objects.equals(earlier.getPaymentMethodMasked(), request.getPaymentMethodMasked());
        if (!same) {
            throw new IllegalArgumentException("The idempotency key " + earlier.getIdempotencyKey()
                    + " was already used for a different request; a new payment needs a new key.");
        }
        return result(earlier, true);
    }

    private ChargeResult replayRefund(SandboxCardCharge earlier, UUID chargeId, String key) {
        if (earlier.getKind() != SandboxCardCharge.Kind.REFUND
                || earlier.getChargeId() != null && !earlier.getChargeId().equals(chargeId)) {
            throw new IllegalArgumentException("The idempotency key " + key
                    + " was already used for a different request; a new refund needs a new key.");
        }
        return result(earlier, true);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static ChargeResult result(SandboxCardCharge row, boolean replayed) {
        ChargeResult.Status status = switch (row.getStatus()) {
            case SUCCEEDED -> ChargeResult.Status.SUCCEEDED;
            case DECLINED -> ChargeResult.Status.DECLINED;
            case REFUNDED -> ChargeResult.Status.REFUNDED;
        };
        return new ChargeResult(status, row.getProviderReference(), row.getDeclineCode(), message(row), replayed);
    }

    /** The sentence for finance, the same on every replay. */
    static String message(SandboxCardCharge row) {
        String amount = row.getAmount() == null ? "" : row.getAmount().toPlainString() + " " + row.getCurrency();
        if (row.getStatus() == SandboxCardCharge.Status.SUCCEEDED) {
            return "Sandbox card processor: payment of " + amount + " approved ("
                    + PaymentToken.mask(row.getPaymentMethodMasked()) + ").";
        }
        if (row.getStatus() == SandboxCardCharge.Status.REFUNDED) {
            return "Sandbox card processor: " + amount + " refunded to "
                    + PaymentToken.mask(row.getPaymentMethodMasked()) + ".";
        }
        String reason = switch (row.getDeclineCode()) {
            case GENERIC_DECLINE -> "the card issuer declined the payment; ask the cardholder for another card";
            case INSUFFICIENT_FUNDS -> "the card has insufficient funds or credit for this payment";
            case EXPIRED_CARD -> "the card has expired; ask the cardholder for a current card";
            case INVALID_PAYMENT_METHOD -> "this is not a valid card number or test payment method";
            case INVALID_AMOUNT -> "the amount must be more than 0.00 with at most two decimals";
            case UNSUPPORTED_CURRENCY -> "only CAD payments are accepted";
            case RESOURCE_MISSING -> "no charge with this reference exists";
            case CHARGE_NOT_REFUNDABLE -> "only a successful charge can be refunded";
            case CHARGE_ALREADY_REFUNDED -> "the charge has already been refunded";
            default -> row.getDeclineCode();
        };
        return "Sandbox card processor: declined (" + row.getDeclineCode() + "): " + reason + ".";
    }

    /** Null when approved, else the decline code. */
    static String declineCode(BigDecimal amount, String currency, String method) {
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(MAX_AMOUNT) > 0) {
            return INVALID_AMOUNT;
        }
        if (currency == null || !CURRENCY.equals(currency.trim().toUpperCase(Locale.ROOT))) {
            return UNSUPPORTED_CURRENCY;
        }
        if (method == null || method.isEmpty()) {
            return INVALID_PAYMENT_METHOD;
        }
        Optional<String> fixed = TEST_METHODS.get(method);
        if (fixed != null) {
            return fixed.orElse(null);
        }
        return isLuhnValidCardNumber(method) ? null : INVALID_PAYMENT_METHOD;
    }

    static boolean isLuhnValidCardNumber(String number) {
        return number != null && number.matches("\\d{13,19}") && PaymentToken.luhn(number);
    }

    /** Card numbers are written with spaces or dashes by people; tokens are left as they are. */
    static String compact(String paymentMethod) {
        if (paymentMethod == null) {
            return null;
        }
        String trimmed = paymentMethod.trim();
        String digits = trimmed.replaceAll("[\\s-]", "");
        return digits.matches("\\d+") ? digits : trimmed;
    }

    /**
     * What the ledger keeps of the card: a token as given (the processor's own identifier), anything else (a card
     * number, or a token hiding one) by the service's one masking rule, {@link PaymentToken#mask} ({@code …4242}).
     */
    static String mask(String method) {
        if (method == null || method.isEmpty()) {
            return null;
        }
        if (!method.matches("\\d+") && method.matches("[A-Za-z0-9_]{1,64}") && !method.matches(".*\\d{6,}.*")) {
            return method;
        }
        return PaymentToken.mask(method);
    }

    private static BigDecimal storableAmount(BigDecimal amount) {
        if (amount == null
                || amount.stripTrailingZeros().scale() > 2
                || amount.abs().compareTo(MAX_AMOUNT) > 0) {
            return null;
        }
        return amount.setScale(2);
    }

    private static String storableCurrency(String currency) {
        if (currency == null) {
            return null;
        }
        String upper = currency.trim().toUpperCase(Locale.ROOT);
        return upper.length() <= 16 ? upper : upper.substring(0, 16);
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("An idempotency key (1 to 255 characters) is required");
        }
        return key;
    }

    private static UUID chargeIdOf(String providerReference) {
        if (providerReference == null || !providerReference.startsWith(CHARGE_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(providerReference.substring(CHARGE_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
