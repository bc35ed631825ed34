package ca.gc.microacquisition.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

    /** The current (latest) attempt of a contract's payment. */
    Optional<Payment> findFirstByContractIdOrderByAttemptDesc(UUID contractId);

    List<Payment> findByContractIdOrderByAttempt(UUID contractId);

    /** The current (latest) attempt of each of these contracts' payments, in one query. */
    @Query("select p from Payment p where p.contractId in :contractIds and p.attempt ="
            + " (select max(q.attempt) from Payment q where q.contractId = p.contractId)")
    List<Payment> findLatestOfContracts(@Param("contractIds") Collection<UUID> contractIds);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);
}
