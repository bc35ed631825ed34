package ca.gc.microacquisition.proposal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProposalRepository extends JpaRepository<Proposal, UUID> {

    /** Every proposal ever sent for the opportunity, all rounds (labels are numbered across rounds). */
    long countByOpportunityId(UUID opportunityId);

    /** Proposals of the opportunity's current round (a repost opens a new round; earlier ones are archived). */
    @Query("""
            select count(p) from Proposal p, ca.gc.microacquisition.opportunity.Opportunity o
            where o.id = p.opportunityId and p.opportunityId = :opportunityId and p.round = o.round""")
    long countInCurrentRound(UUID opportunityId);

    @Query("""
            select count(p) > 0 from Proposal p, ca.gc.microacquisition.opportunity.Opportunity o
            where o.id = p.opportunityId and p.opportunityId = :opportunityId and p.round = o.round
              and p.supplierId = :supplierId""")
    boolean existsInCurrentRound(UUID opportunityId, UUID supplierId);

    /** The current round's proposals in label (submission) order. */
    @Query("""
            select p from Proposal p, ca.gc.microacquisition.opportunity.Opportunity o
            where o.id = p.opportunityId and p.opportunityId = :opportunityId and p.round = o.round
            order by p.sequenceNumber""")
    List<Proposal> findCurrentRound(UUID opportunityId);

    /** The current round's proposals, in label order: what evaluation, the draw and the award work on. */
    default List<Proposal> findByOpportunityIdOrderByLabel(UUID opportunityId) {
        return findCurrentRound(opportunityId);
    }

    List<Proposal> findBySupplierIdOrderBySubmittedAtDesc(UUID supplierId);
}
