package ca.gc.microacquisition.payment;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FundsCommitmentRepository extends JpaRepository<FundsCommitment, UUID> {}
