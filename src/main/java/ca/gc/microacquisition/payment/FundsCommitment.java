package ca.gc.microacquisition.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The funds a manager committed for a request (FAA section 32) and the token of the acquisition card that pays. */
@Entity
@Table(name = "funds_commitment")
public class FundsCommitment {

    @Id
    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "financial_coding", nullable = false)
    private String financialCoding;

    @Column(name = "payment_method", nullable = false)
    private String paymentMethod;

    @Column(name = "committed_by", nullable = false)
    private String committedBy;

    @Column(name = "committed_at", nullable = false)
    private OffsetDateTime committedAt;

    @Column(name = "card_changed_by")
    private String cardChangedBy;

    @Column(name = "card_changed_at")
    private OffsetDateTime cardChangedAt;

    @Version
    private long version;

    protected FundsCommitment() {}

    FundsCommitment(
            UUID opportunityId,
            String financialCoding,
            String paymentMethod,
            String committedBy,
            OffsetDateTime committedAt) {
        this.opportunityId = opportunityId;
        this.financialCoding = financialCoding;
        this.paymentMethod = paymentMethod;
        this.committedBy = committedBy;
        this.committedAt = committedAt;
    }

    void recommit(String financialCoding, String paymentMethod, String committedBy, OffsetDateTime committedAt) {
        this.financialCoding = financialCoding;
        this.paymentMethod = paymentMethod;
        this.committedBy = committedBy;
        this.committedAt = committedAt;
    }

    void changeCard(String paymentMethod, String changedBy, OffsetDateTime changedAt) {
        this.paymentMethod = paymentMethod;
        this.cardChangedBy = changedBy;
        this.cardChangedAt = changedAt;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public String getFinancialCoding() {
        return financialCoding;
    }

    /** The card processor's token for the card ({@link PaymentToken}); never shown to people unmasked. */
    String paymentMethod() {
        return paymentMethod;
    }

    public String getCommittedBy() {
        return committedBy;
    }

    public OffsetDateTime getCommittedAt() {
        return committedAt;
    }

    public String getCardChangedBy() {
        return cardChangedBy;
    }

    public OffsetDateTime getCardChangedAt() {
        return cardChangedAt;
    }
}
