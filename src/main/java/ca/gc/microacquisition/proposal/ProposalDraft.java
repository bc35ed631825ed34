package ca.gc.microacquisition.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supplier's unfinished proposal (the form's content as JSON), kept until it is sent. */
@Entity
@Table(name = "proposal_draft")
public class ProposalDraft {

    public static final int MAX_CONTENT = 40_000;

    @Id
    private UUID id;

    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    @Column(nullable = false, length = MAX_CONTENT)
    private String content;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ProposalDraft() {}

    ProposalDraft(UUID opportunityId, UUID supplierId) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.supplierId = supplierId;
    }

    void update(String content, OffsetDateTime now) {
        this.content = content;
        this.updatedAt = now;
    }

    public String getContent() {
        return content;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
