package ca.gc.microacquisition.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

    /** The current (latest) attempt of a contract's payment. */
    Optional<Payment> findFirstByContractIdOrderByAttemptDesc(UUID contractId);

    List<Payment> findByContractIdOrderByAttempt(UUID contractId);

    Optional<Payment> findByIdempotencyKey(String idempotencyKey);
}
