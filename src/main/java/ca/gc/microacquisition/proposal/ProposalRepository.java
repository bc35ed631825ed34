package ca.gc.microacquisition.proposal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProposalRepository extends JpaRepository<Proposal, UUID> {

    long countByOpportunityId(UUID opportunityId);

    boolean existsByOpportunityIdAndSupplierId(UUID opportunityId, UUID supplierId);

    /** In label (submission) order. */
    List<Proposal> findByOpportunityIdOrderBySequenceNumber(UUID opportunityId);

    default List<Proposal> findByOpportunityIdOrderByLabel(UUID opportunityId) {
        return findByOpportunityIdOrderBySequenceNumber(opportunityId);
    }

    List<Proposal> findBySupplierIdOrderBySubmittedAtDesc(UUID supplierId);
}
