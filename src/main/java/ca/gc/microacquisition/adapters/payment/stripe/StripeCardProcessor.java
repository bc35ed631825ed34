package ca.gc.microacquisition.adapters.payment.stripe;

import ca.gc.microacquisition.adapters.Secrets;
import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card payments through Stripe: one PaymentIntent, created and confirmed in one call, per charge, sent with the
 * charge's idempotency key so that Stripe answers any repeat of the call with the first result instead of charging
 * again. The client never retries on its own ({@code maxNetworkRetries = 0}): the process engine retries the job,
 * and the payment service sends the same key again.
 *
 * <p>A card decline is a result ({@code DECLINED}); a timeout, a rate limit, a connection failure or a Stripe
 * server error is a {@link CardProcessorUnavailableException}; a rejected key, a missing permission or an invalid
 * request is an {@link IllegalStateException}: a configuration problem for an operator, not a decline for finance.
 */
public class StripeCardProcessor implements CardProcessor {

    private static final Logger log = LoggerFactory.getLogger(StripeCardProcessor.class);
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final StripeClient stripe;
    private final boolean onBehalfOf;

    public StripeCardProcessor(StripeProperties properties) {
        this(properties, false);
    }

    /**
     * @param onBehalfOf also send {@code on_behalf_of} = the destination account: the supplier's connected account is
     *                   the settlement merchant (its country, its statement descriptor); it then needs the
     *                   {@code card_payments} capability as well as {@code transfers}
     */
    public StripeCardProcessor(StripeProperties properties, boolean onBehalfOf) {
        this.stripe = client(properties);
        this.onBehalfOf = onBehalfOf;
    }

    /** A client that never retries on its own (the engine retries, with the same idempotency key). */
    static StripeClient client(StripeProperties properties) {
        if (!Secrets.isSet(properties.apiKey())) {
            throw new IllegalStateException("app.payment.provider=stripe needs app.stripe.api-key "
                    + "(APP_STRIPE_API_KEY): a secret key or a restricted key with PaymentIntents, Refunds and "
                    + "Connect (Accounts, Account Links) write");
        }
        return StripeClient.builder()
                .setApiKey(properties.apiKey().trim())
                .setApiBase(trimSlash(properties.apiBase()))
                .setMaxNetworkRetries(0)
                .setConnectTimeout(millis(properties.connectTimeout().toMillis()))
                .setReadTimeout(millis(properties.readTimeout().toMillis()))
                .build();
    }

    @Override
    public String provider() {
        return "stripe";
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        requireKey(request.idempotencyKey());
        var params = PaymentIntentCreateParams.builder()
                .setAmount(minorUnits(request.amount()))
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .setConfirm(true)
                // Nobody is at a browser when the job runs: no redirect-based method, no 3-D Secure challenge.
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .setDescription(request.description())
                .putMetadata("idempotency_key", request.idempotencyKey())
                .putMetadata("source", "micro-acquisition");
        if (request.description() != null) {
            params.putMetadata("contract", request.description());
        }
        if (request.payeeReference() == null || !request.payeeReference().startsWith("acct_")) {
            // Without a destination the department's card would be charged into the platform's own account.
            throw new IllegalArgumentException("A Stripe charge needs the supplier's connected account (acct_…) as "
                    + "payee, got " + request.payeeReference());
        }
        // A destination charge: the whole amount is transferred to the supplier's connected account.
        params.setTransferData(PaymentIntentCreateParams.TransferData.builder()
                .setDestination(request.payeeReference())
                .build());
        if (onBehalfOf) {
            params.setOnBehalfOf(request.payeeReference());
        }
        var options = RequestOptions.builder()
                .setIdempotencyKey(request.idempotencyKey())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params.build(), options);
            return fromIntent(intent, replayed(intent));
        } catch (CardException e) {
            var error = e.getStripeError();
            String reference = error != null && error.getPaymentIntent() != null
                    ? error.getPaymentIntent().getId()
                    : e.getCharge();
            String code = e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode();
            String message = error != null && error.getMessage() != null ? error.getMessage() : e.getUserMessage();
            log.info("Stripe declined charge {}: {}", request.idempotencyKey(), code);
            return new ChargeResult(
                    ChargeResult.Status.DECLINED,
                    reference,
                    code,
                    "The card was declined (" + code + "): " + message,
                    false);
        } catch (StripeException e) {
            throw translate("charging " + request.idempotencyKey(), e);
        }
    }

    @Override
    public ChargeResult refund(String providerReference, String idempotencyKey) {
        requireKey(idempotencyKey);
        if (providerReference == null || !providerReference.startsWith("pi_")) {
            throw new IllegalArgumentException("Not a Stripe PaymentIntent id: " + providerReference);
        }
        var options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(providerReference);
            var params = RefundCreateParams.builder()
                    .setPaymentIntent(providerReference)
                    .putMetadata("idempotency_key", idempotencyKey)
                    .putMetadata("source", "micro-acquisition");
            if (intent.getTransferData() != null) {
                // A destination charge: take the money back from the supplier's connected account too.
                params.setReverseTransfer(true);
            }
            Refund refund = stripe.v1().refunds().create(params.build(), options);
            boolean replayed = replayed(refund);
            return switch (refund.getStatus()) {
                case "succeeded" ->
                    new ChargeResult(
                            ChargeResult.Status.REFUNDED,
                            refund.getId(),
                            null,
                            "Refunded " + amount(refund.getAmount(), refund.getCurrency()) + ".",
                            replayed);
                case "pending", "requires_action" ->
                    new ChargeResult(
                            ChargeResult.Status.REFUNDED,
                            refund.getId(),
                            null,
                            "Refund of " + amount(refund.getAmount(), refund.getCurrency())
                                    + " submitted; Stripe reports it pending.",
                            replayed);
                default ->
                    new ChargeResult(
                            ChargeResult.Status.DECLINED,
                            refund.getId(),
                            refund.getFailureReason(),
                            "Stripe could not refund (" + refund.getStatus() + ", " + refund.getFailureReason() + ").",
                            replayed);
            };
        } catch (StripeException e) {
            throw translate("refunding " + providerReference, e);
        }
    }

    private static ChargeResult fromIntent(PaymentIntent intent, boolean replayed) {
        String status = intent.getStatus();
        String amount = amount(
                intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                        ? intent.getAmountReceived()
                        : intent.getAmount(),
                intent.getCurrency());
        switch (status) {
            case "succeeded":
                return new ChargeResult(
                        ChargeResult.Status.SUCCEEDED,
                        intent.getId(),
                        null,
                        "Paid " + amount + " (Stripe " + intent.getId() + ").",
                        replayed);
            case "requires_action":
            case "requires_payment_method":
            case "canceled": {
                var error = intent.getLastPaymentError();
                String code = error == null
                        ? status
                        : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
                String message = error != null && error.getMessage() != null
                        ? error.getMessage()
                        : "requires_action".equals(status)
                                ? "The card needs the cardholder's authentication, which an unattended payment cannot give."
                                : "Stripe did not complete the payment (" + status + ").";
                return new ChargeResult(
                        ChargeResult.Status.DECLINED,
                        intent.getId(),
                        code,
                        "The card was not charged (" + code + "): " + message,
                        replayed);
            }
            default:
                // processing, requires_confirmation, requires_capture: not settled; the retry asks again.
                throw new CardProcessorUnavailableException(
                        "Stripe has not settled payment " + intent.getId() + " yet (status " + status + ")");
        }
    }

    /** Whether Stripe answered from an earlier request with the same idempotency key. */
    private static boolean replayed(ApiResource resource) {
        var response = resource.getLastResponse();
        return response != null
                && response.headers()
                        .firstValue(REPLAYED_HEADER)
                        .map(Boolean::parseBoolean)
                        .orElse(false);
    }

    static RuntimeException translate(String doing, StripeException e) {
        String detail = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage()
                : e.getMessage();
        String request = e.getRequestId() == null ? "" : " [request " + e.getRequestId() + "]";
        if (e instanceof RateLimitException
                || e instanceof ApiConnectionException
                || e instanceof ApiException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500)) {
            return new CardProcessorUnavailableException(
                    "Stripe is unavailable while " + doing + ": " + detail + request, e);
        }
        if (e instanceof IdempotencyException && Integer.valueOf(409).equals(e.getStatusCode())) {
            // The first request with this key is still being processed: ask again later with the same key.
            return new CardProcessorUnavailableException(
                    "Stripe is still processing an earlier request while " + doing + ": " + detail + request, e);
        }
        if (e instanceof AuthenticationException) {
            return new IllegalStateException(
                    "Stripe rejected the API key while " + doing + ": check app.stripe.api-key (APP_STRIPE_API_KEY)"
                            + request,
                    e);
        }
        if (e instanceof PermissionException) {
            return new IllegalStateException(
                    "The Stripe key lacks a permission needed for " + doing + ": " + detail + request, e);
        }
        return new IllegalStateException(
                "Stripe refused the request while " + doing + " (a configuration or data "
                        + "problem, not a card decline): " + detail + request,
                e);
    }

    static long minorUnits(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("A charge needs a positive amount, got " + amount);
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY)
                    .movePointRight(2)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A charge amount has at most two decimals, got " + amount, e);
        }
    }

    private static String amount(Long minor, String currency) {
        if (minor == null) {
            return "the amount";
        }
        return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString() + " "
                + (currency == null ? "" : currency.toUpperCase(Locale.ROOT));
    }

    static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("An idempotency key is required for every Stripe call");
        }
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, value));
    }

    private static String trimSlash(String url) {
        String base = url == null || url.isBlank() ? "https://api.stripe.com" : url.trim();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
