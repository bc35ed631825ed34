package ca.gc.microacquisition.contract;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryRepository extends JpaRepository<Delivery, UUID> {

    List<Delivery> findByContractIdOrderBySubmittedAtDesc(UUID contractId);
}
