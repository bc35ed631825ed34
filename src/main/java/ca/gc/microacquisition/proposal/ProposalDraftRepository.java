package ca.gc.microacquisition.proposal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProposalDraftRepository extends JpaRepository<ProposalDraft, UUID> {

    Optional<ProposalDraft> findByOpportunityIdAndSupplierId(UUID opportunityId, UUID supplierId);
}
