package ca.gc.microacquisition.opportunity;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OpportunityRepository extends JpaRepository<Opportunity, UUID> {

    Optional<Opportunity> findByReference(String reference);

    /** Reads the opportunity and locks its row until the transaction ends (serialises proposals per opportunity). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Opportunity o where o.id = :id")
    Optional<Opportunity> lockById(UUID id);

    List<Opportunity> findByStatusOrderByProposalDeadlineAsc(OpportunityStatus status);

    List<Opportunity> findByPostedAtIsNotNullOrderByPostedAtDesc();

    List<Opportunity> findByStatusAndTestOpportunityFalseOrderByProposalDeadlineAsc(OpportunityStatus status);

    List<Opportunity> findByPostedAtIsNotNullAndTestOpportunityFalseOrderByPostedAtDesc();

    /**
     * Count and total value of the team's other requests created since {@code since} (splitting guardrail). Here and
     * below, test opportunities are left out: they are not purchases.
     */
    @Query("""
            select count(o), coalesce(sum(o.price), 0) from Opportunity o
            where o.department = :department and o.teamKey = :teamKey and o.createdAt >= :since
              and o.id <> :excluded and o.status not in :ignored and o.testOpportunity = false""")
    List<Object[]> teamTotals(
            String department,
            String teamKey,
            OffsetDateTime since,
            UUID excluded,
            Collection<OpportunityStatus> ignored);

    /** Count of the team's other requests valued at least {@code floor} since {@code since}. */
    @Query("""
            select count(o) from Opportunity o
            where o.department = :department and o.teamKey = :teamKey and o.createdAt >= :since
              and o.id <> :excluded and o.status not in :ignored and o.price >= :floor and o.testOpportunity = false""")
    long teamCountAtLeast(
            String department,
            String teamKey,
            OffsetDateTime since,
            UUID excluded,
            Collection<OpportunityStatus> ignored,
            BigDecimal floor);

    /** Count and total value of other requests on the same repository since {@code since}. */
    @Query("""
            select count(o), coalesce(sum(o.price), 0) from Opportunity o
            where o.repositoryKey = :repositoryKey and o.createdAt >= :since
              and o.id <> :excluded and o.status not in :ignored and o.testOpportunity = false""")
    List<Object[]> repositoryTotals(
            String repositoryKey, OffsetDateTime since, UUID excluded, Collection<OpportunityStatus> ignored);
}
