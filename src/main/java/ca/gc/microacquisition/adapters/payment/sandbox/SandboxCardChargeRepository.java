package ca.gc.microacquisition.adapters.payment.sandbox;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Reads the sandbox card processor's ledger. */
public interface SandboxCardChargeRepository extends JpaRepository<SandboxCardCharge, UUID> {

    Optional<SandboxCardCharge> findByIdempotencyKey(String idempotencyKey);

    List<SandboxCardCharge> findByChargeIdAndStatus(UUID chargeId, SandboxCardCharge.Status status);

    List<SandboxCardCharge> findTop100ByOrderByCreatedAtDesc();

    /** The row, locked until the end of the transaction (so that two refunds of one charge do not both pass). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SandboxCardCharge c where c.id = :id")
    Optional<SandboxCardCharge> lockById(UUID id);
}
