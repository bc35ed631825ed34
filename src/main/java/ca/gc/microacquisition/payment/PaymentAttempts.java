package ca.gc.microacquisition.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a new payment attempt in its own transaction, committed before the card processor is called: whatever
 * happens afterwards (crash, timeout, rollback of the caller), the idempotency key is known and reused.
 */
@Component
class PaymentAttempts {

    private final PaymentRepository payments;
    private final Clock clock;

    PaymentAttempts(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public UUID create(UUID contractId, int attempt, BigDecimal amount, String currency, String maskedMethod) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return payments.saveAndFlush(new Payment(contractId, attempt, amount, currency, maskedMethod, now))
                .getId();
    }
}
