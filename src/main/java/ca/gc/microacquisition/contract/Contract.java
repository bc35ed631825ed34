package ca.gc.microacquisition.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The contract awarded to a proposal: fixed price, terms version, licence and due date. */
@Entity
@Table(name = "contract")
public class Contract {

    @Id
    private UUID id;

    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Column(name = "proposal_id", nullable = false)
    private UUID proposalId;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "terms_version", nullable = false, length = 20)
    private String termsVersion;

    @Column(nullable = false, length = 100)
    private String licence;

    @Column(name = "awarded_at", nullable = false)
    private OffsetDateTime awardedAt;

    @Column(name = "due_date", nullable = false)
    private OffsetDateTime dueDate;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ContractStatus status;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "accepted_by", length = 100)
    private String acceptedBy;

    @Column(name = "terminated_at")
    private OffsetDateTime terminatedAt;

    @Column(name = "termination_reason", length = 1000)
    private String terminationReason;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected Contract() {}

    Contract(
            UUID opportunityId,
            UUID proposalId,
            UUID supplierId,
            BigDecimal price,
            String currency,
            String termsVersion,
            String licence,
            OffsetDateTime awardedAt,
            OffsetDateTime dueDate) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.proposalId = proposalId;
        this.supplierId = supplierId;
        this.price = price;
        this.currency = currency;
        this.termsVersion = termsVersion;
        this.licence = licence;
        this.awardedAt = awardedAt;
        this.dueDate = dueDate;
        this.status = ContractStatus.ACTIVE;
    }

    void extend(OffsetDateTime newDueDate) {
        this.dueDate = newDueDate;
    }

    void terminate(String reason, OffsetDateTime now) {
        this.status = ContractStatus.TERMINATED;
        this.terminationReason = reason;
        this.terminatedAt = now;
    }

    void delivered() {
        this.status = ContractStatus.DELIVERED;
    }

    void changesRequested() {
        this.status = ContractStatus.CHANGES_REQUESTED;
    }

    void accept(String actor, OffsetDateTime now) {
        this.status = ContractStatus.ACCEPTED;
        this.acceptedBy = actor;
        this.acceptedAt = now;
    }

    void close(OffsetDateTime now) {
        this.status = ContractStatus.CLOSED;
        this.closedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public UUID getProposalId() {
        return proposalId;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public String getTermsVersion() {
        return termsVersion;
    }

    public String getLicence() {
        return licence;
    }

    public OffsetDateTime getAwardedAt() {
        return awardedAt;
    }

    public OffsetDateTime getDueDate() {
        return dueDate;
    }

    public ContractStatus getStatus() {
        return status;
    }

    public OffsetDateTime getAcceptedAt() {
        return acceptedAt;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public OffsetDateTime getTerminatedAt() {
        return terminatedAt;
    }

    public String getTerminationReason() {
        return terminationReason;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }
}
