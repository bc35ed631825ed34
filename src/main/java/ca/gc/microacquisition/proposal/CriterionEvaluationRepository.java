package ca.gc.microacquisition.proposal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CriterionEvaluationRepository extends JpaRepository<CriterionEvaluation, UUID> {

    List<CriterionEvaluation> findByProposalId(UUID proposalId);

    @Modifying(flushAutomatically = true)
    @Query("delete from CriterionEvaluation e where e.proposalId in :proposalIds")
    void deleteByProposalIds(Collection<UUID> proposalIds);
}
