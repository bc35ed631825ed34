package ca.gc.microacquisition.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supplier's question about an opportunity; public once answered. */
@Entity
@Table(name = "opportunity_question")
public class Question {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "opportunity_id", nullable = false)
    private Opportunity opportunity;

    @Column(nullable = false, length = 2000)
    private String question;

    @Column(length = 4000)
    private String answer;

    @Column(name = "asked_at", nullable = false)
    private OffsetDateTime askedAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "asked_by", nullable = false)
    private UUID askedBy;

    @Column(name = "answered_by", length = 100)
    private String answeredBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "close_reason", length = 1000)
    private String closeReason;

    protected Question() {}

    Question(Opportunity opportunity, String question, UUID askedBy, OffsetDateTime askedAt) {
        this.id = UUID.randomUUID();
        this.opportunity = opportunity;
        this.question = question;
        this.askedBy = askedBy;
        this.askedAt = askedAt;
    }

    /** Closed without a public answer: stays private, and the asker is told the reason. */
    void close(String reason, String closedBy, OffsetDateTime closedAt) {
        this.closeReason = reason;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public String getCloseReason() {
        return closeReason;
    }

    void answer(String answer, String answeredBy, OffsetDateTime answeredAt) {
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    public UUID getId() {
        return id;
    }

    public Opportunity getOpportunity() {
        return opportunity;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public OffsetDateTime getAskedAt() {
        return askedAt;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public UUID getAskedBy() {
        return askedBy;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public boolean isAnswered() {
        return answer != null;
    }
}
