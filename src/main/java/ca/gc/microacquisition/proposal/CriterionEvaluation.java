package ca.gc.microacquisition.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An evaluator's PASS/FAIL on one criterion of one proposal, with the rationale given in the debrief. */
@Entity
@Table(name = "proposal_evaluation")
public class CriterionEvaluation {

    @Id
    private UUID id;

    @Column(name = "proposal_id", nullable = false)
    private UUID proposalId;

    @Column(name = "criterion_id", nullable = false, length = 10)
    private String criterionId;

    @Column(nullable = false)
    private boolean passed;

    @Column(nullable = false, length = 4000)
    private String rationale;

    @Column(nullable = false, length = 100)
    private String evaluator;

    @Column(name = "evaluated_at", nullable = false)
    private OffsetDateTime evaluatedAt;

    protected CriterionEvaluation() {}

    CriterionEvaluation(
            UUID proposalId,
            String criterionId,
            boolean passed,
            String rationale,
            String evaluator,
            OffsetDateTime evaluatedAt) {
        this.id = UUID.randomUUID();
        this.proposalId = proposalId;
        this.criterionId = criterionId;
        this.passed = passed;
        this.rationale = rationale;
        this.evaluator = evaluator;
        this.evaluatedAt = evaluatedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getProposalId() {
        return proposalId;
    }

    public String getCriterionId() {
        return criterionId;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getRationale() {
        return rationale;
    }

    public String getEvaluator() {
        return evaluator;
    }

    public OffsetDateTime getEvaluatedAt() {
        return evaluatedAt;
    }
}
