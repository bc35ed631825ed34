package ca.gc.microacquisition.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A proposal's statement for one evaluation criterion. */
@Entity
@Table(name = "proposal_statement")
public class ProposalStatement {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id", nullable = false)
    private Proposal proposal;

    @Column(name = "criterion_id", nullable = false, length = 10)
    private String criterionId;

    @Column(nullable = false)
    private int position;

    @Column(name = "statement_text", nullable = false, length = 4000)
    private String text;

    protected ProposalStatement() {}

    ProposalStatement(Proposal proposal, String criterionId, int position, String text) {
        this.id = UUID.randomUUID();
        this.proposal = proposal;
        this.criterionId = criterionId;
        this.position = position;
        this.text = text;
    }

    public UUID getId() {
        return id;
    }

    public String getCriterionId() {
        return criterionId;
    }

    public int getPosition() {
        return position;
    }

    public String getText() {
        return text;
    }
}
