package ca.gc.microacquisition.proposal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DrawRepository extends JpaRepository<Draw, UUID> {

    Optional<Draw> findFirstByOpportunityIdOrderByDrawnAtDesc(UUID opportunityId);
}
