package ca.gc.microacquisition.contract;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the contract needs to know of its payment (implemented by the payment package, which owns payments). */
public interface ContractPayments {

    /** Whether the contract's latest payment attempt settled it (paid by card, or recorded as paid another way). */
    boolean isPaid(UUID contractId);

    /** The status of the contract's latest payment attempt (as {@code payment.PaymentStatus} names it), if any. */
    Optional<String> latestStatus(UUID contractId);

    /** {@link #latestStatus} of several contracts at once (one query); contracts without a payment are left out. */
    Map<UUID, String> latestStatuses(Collection<UUID> contractIds);
}
