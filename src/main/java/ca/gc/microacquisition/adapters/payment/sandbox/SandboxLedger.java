package ca.gc.microacquisition.adapters.payment.sandbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the sandbox ledger. Every write runs in its own transaction, as a real processor's ledger lives apart from
 * the caller: a charge stays recorded even when the caller's transaction rolls back. A second row with the same
 * idempotency key fails on the unique constraint (a {@link org.springframework.dao.DataIntegrityViolationException}).
 */
@Repository
class SandboxLedger {

    @PersistenceContext
    private EntityManager entityManager;

    private final SandboxCardChargeRepository charges;

    SandboxLedger(SandboxCardChargeRepository charges) {
        this.charges = charges;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<SandboxCardCharge> findByKey(String idempotencyKey) {
        return charges.findByIdempotencyKey(idempotencyKey);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SandboxCardCharge record(SandboxCardCharge row) {
        entityManager.persist(row);
        entityManager.flush();
        return row;
    }

    /**
     * Records a refund of the charge with the given id: REFUNDED when it is a successful charge not refunded yet,
     * else DECLINED with the reason. The charge row is locked so that two refunds of it cannot both succeed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public SandboxCardCharge recordRefund(String idempotencyKey, UUID chargeId, Clock clock) {
        Instant now = Instant.now(clock);
        Optional<SandboxCardCharge> charge = chargeId == null ? Optional.empty() : charges.lockById(chargeId);
        SandboxCardCharge row;
        if (charge.isEmpty() || charge.get().getKind() != SandboxCardCharge.Kind.CHARGE) {
            row = new SandboxCardCharge(
                    idempotencyKey,
                    SandboxCardCharge.Kind.REFUND,
                    null,
                    null,
                    null,
                    null,
                    SandboxCardCharge.Status.DECLINED,
                    SandboxCardProcessor.RESOURCE_MISSING,
                    null,
                    null,
                    now);
        } else {
            SandboxCardCharge c = charge.get();
            String declineCode = null;
            if (c.getStatus() != SandboxCardCharge.Status.SUCCEEDED) {
                declineCode = SandboxCardProcessor.CHARGE_NOT_REFUNDABLE;
            } else if (!charges.findByChargeIdAndStatus(c.getId(), SandboxCardCharge.Status.REFUNDED)
                    .isEmpty()) {
                declineCode = SandboxCardProcessor.CHARGE_ALREADY_REFUNDED;
            }
            row = new SandboxCardCharge(
                    idempotencyKey,
                    SandboxCardCharge.Kind.REFUND,
                    c.getId(),
                    c.getAmount(),
                    c.getCurrency(),
                    c.getPaymentMethodMasked(),
                    declineCode == null ? SandboxCardCharge.Status.REFUNDED : SandboxCardCharge.Status.DECLINED,
                    declineCode,
                    c.getDescription(),
                    c.getPayeeReference(),
                    now);
        }
        return record(row);
    }
}
