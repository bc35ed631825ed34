package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.payment.ChargeRequest;
import ca.gc.microacquisition.payment.ChargeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card processor that records every call per idempotency key and answers a repeated key with its first result.
 * Card tokens ending in "Declined" are declined; {@link #failNextCalls} simulates an outage.
 */
public class FakeCardProcessor implements CardProcessor {

    public static final String GOOD_CARD = "pm_card_visa";
    public static final String DECLINED_CARD = "pm_card_chargeDeclined";

    private final Map<String, List<ChargeRequest>> calls = new ConcurrentHashMap<>();
    private final Map<String, ChargeResult> results = new ConcurrentHashMap<>();
    private volatile int failures;

    @Override
    public String provider() {
        return "fake";
    }

    private final List<String> refunds = new ArrayList<>();

    @Override
    public synchronized ChargeResult charge(ChargeRequest request) {
        calls.computeIfAbsent(request.idempotencyKey(), k -> new ArrayList<>()).add(request);
        if (failures > 0) {
            failures--;
            throw new CardProcessorUnavailableException("processor timed out");
        }
        ChargeResult first = results.get(request.idempotencyKey());
        if (first != null) {
            return new ChargeResult(
                    first.status(), first.providerReference(), first.declineCode(), first.message(), true);
        }
        ChargeResult result = request.paymentMethod().endsWith("Declined")
                ? new ChargeResult(
                        ChargeResult.Status.DECLINED,
                        "ch_" + results.size(),
                        "card_declined",
                        "The card was declined.",
                        false)
                : new ChargeResult(ChargeResult.Status.SUCCEEDED, "ch_" + results.size(), null, "Paid.", false);
        results.put(request.idempotencyKey(), result);
        return result;
    }

    @Override
    public synchronized ChargeResult refund(String providerReference, String idempotencyKey) {
        refunds.add(idempotencyKey);
        return new ChargeResult(ChargeResult.Status.REFUNDED, "re_" + providerReference, null, "Refunded.", false);
    }

    /** The idempotency keys of the refunds asked for, in order. */
    public synchronized List<String> refunds() {
        return List.copyOf(refunds);
    }

    /** The next {@code n} calls throw {@link CardProcessorUnavailableException} (after being recorded). */
    public void failNextCalls(int n) {
        failures = n;
    }

    public List<ChargeRequest> callsFor(String idempotencyKey) {
        return List.copyOf(calls.getOrDefault(idempotencyKey, List.of()));
    }

    /** Distinct charges actually made (one per key that got a result). */
    public long chargesStartingWith(String keyPrefix) {
        return results.keySet().stream().filter(k -> k.startsWith(keyPrefix)).count();
    }
}
