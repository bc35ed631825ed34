package ca.gc.microacquisition.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One mandatory pass/fail criterion of an opportunity, with a stable id (C1, C2, ...). */
@Embeddable
public class EvaluationCriterion {

    @Column(name = "criterion_id", nullable = false, length = 10)
    private String criterionId;

    @Column(name = "criterion_text", nullable = false, length = 4000)
    private String text;

    protected EvaluationCriterion() {}

    public EvaluationCriterion(String criterionId, String text) {
        this.criterionId = criterionId;
        this.text = text;
    }

    public String getCriterionId() {
        return criterionId;
    }

    public String getText() {
        return text;
    }
}
