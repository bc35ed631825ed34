package ca.gc.microacquisition.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContractRepository extends JpaRepository<Contract, UUID> {

    List<Contract> findByOpportunityIdOrderByAwardedAt(UUID opportunityId);

    Optional<Contract> findByProposalId(UUID proposalId);

    List<Contract> findBySupplierIdOrderByAwardedAtDesc(UUID supplierId);

    /**
     * Count and total value of the supplier's contracts awarded since {@code since}, other opportunities only, test
     * opportunities left out.
     */
    @Query("""
            select count(c), coalesce(sum(c.price), 0) from Contract c, ca.gc.microacquisition.opportunity.Opportunity o
            where o.id = c.opportunityId and c.supplierId = :supplierId and c.awardedAt >= :since
              and c.opportunityId <> :excluded and o.testOpportunity = false""")
    List<Object[]> supplierTotals(UUID supplierId, OffsetDateTime since, UUID excluded);

    /** The same, limited to contracts awarded for the given department and team. */
    @Query("""
            select count(c), coalesce(sum(c.price), 0) from Contract c, ca.gc.microacquisition.opportunity.Opportunity o
            where o.id = c.opportunityId and c.supplierId = :supplierId and c.awardedAt >= :since
              and c.opportunityId <> :excluded and o.department = :department and o.teamKey = :teamKey
              and o.testOpportunity = false""")
    List<Object[]> supplierTeamTotals(
            UUID supplierId, OffsetDateTime since, UUID excluded, String department, String teamKey);
}
