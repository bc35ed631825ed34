package ca.gc.microacquisition.contract;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A pull/merge request the supplier delivered, with what QA found on it. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contract_id", nullable = false)
    private Contract contract;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    @Column(name = "pull_request_url", nullable = false, length = 500)
    private String pullRequestUrl;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "inspected_at")
    private OffsetDateTime inspectedAt;

    @Column(name = "change_request_state", length = 20)
    private String changeRequestState;

    @Column(name = "head_sha", length = 64)
    private String headSha;

    @Column(name = "checks_outcome", length = 20)
    private String checksOutcome;

    @Column(name = "licence_file_present")
    private Boolean licenceFilePresent;

    @Column(name = "licence_spdx_id", length = 100)
    private String licenceSpdxId;

    @Column(name = "licence_matches")
    private Boolean licenceMatches;

    @Column(name = "scanning_available")
    private Boolean scanningAvailable;

    @Column(name = "scanning_note", length = 1000)
    private String scanningNote;

    @Column(name = "critical_findings", nullable = false)
    private int criticalFindings;

    @Column(name = "high_findings", nullable = false)
    private int highFindings;

    @Column(name = "medium_findings", nullable = false)
    private int mediumFindings;

    @Column(name = "low_findings", nullable = false)
    private int lowFindings;

    @Column(name = "secrets_found", nullable = false)
    private int secretsFound;

    @Column(length = 4000)
    private String feedback;

    @Column(name = "feedback_by", length = 100)
    private String feedbackBy;

    @Column(name = "feedback_at")
    private OffsetDateTime feedbackAt;

    @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DeliveryFinding> findings = new ArrayList<>();

    protected Delivery() {}

    Delivery(Contract contract, UUID supplierId, String pullRequestUrl, OffsetDateTime submittedAt) {
        this.id = UUID.randomUUID();
        this.contract = contract;
        this.supplierId = supplierId;
        this.pullRequestUrl = pullRequestUrl;
        this.status = DeliveryStatus.SUBMITTED;
        this.submittedAt = submittedAt;
    }

    void inspected(
            OffsetDateTime now,
            String state,
            String headSha,
            String checks,
            boolean licenceFilePresent,
            String licenceSpdxId,
            Boolean licenceMatches,
            boolean scanningAvailable,
            String scanningNote,
            int critical,
            int high,
            int medium,
            int low,
            int secrets,
            List<DeliveryFinding> newFindings) {
        this.status = DeliveryStatus.INSPECTED;
        this.inspectedAt = now;
        this.changeRequestState = state;
        this.headSha = headSha;
        this.checksOutcome = checks;
        this.licenceFilePresent = licenceFilePresent;
        this.licenceSpdxId = licenceSpdxId;
        this.licenceMatches = licenceMatches;
        this.scanningAvailable = scanningAvailable;
        this.scanningNote = scanningNote;
        this.criticalFindings = critical;
        this.highFindings = high;
        this.mediumFindings = medium;
        this.lowFindings = low;
        this.secretsFound = secrets;
        this.findings.clear();
        this.findings.addAll(newFindings);
    }

    void changesRequested(String feedback, String actor, OffsetDateTime now) {
        this.status = DeliveryStatus.CHANGES_REQUESTED;
        this.feedback = feedback;
        this.feedbackBy = actor;
        this.feedbackAt = now;
    }

    void accepted() {
        this.status = DeliveryStatus.ACCEPTED;
    }

    public QaSummary summary() {
        return new QaSummary(
                id,
                pullRequestUrl,
                changeRequestState,
                checksOutcome,
                Boolean.TRUE.equals(licenceFilePresent),
                Boolean.TRUE.equals(licenceFilePresent) ? licenceMatches : Boolean.FALSE,
                Boolean.TRUE.equals(scanningAvailable),
                criticalFindings,
                highFindings,
                mediumFindings,
                lowFindings,
                secretsFound);
    }

    public UUID getId() {
        return id;
    }

    public Contract getContract() {
        return contract;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public String getPullRequestUrl() {
        return pullRequestUrl;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public OffsetDateTime getInspectedAt() {
        return inspectedAt;
    }

    public String getChangeRequestState() {
        return changeRequestState;
    }

    public String getHeadSha() {
        return headSha;
    }

    public String getChecksOutcome() {
        return checksOutcome;
    }

    public Boolean getLicenceFilePresent() {
        return licenceFilePresent;
    }

    public String getLicenceSpdxId() {
        return licenceSpdxId;
    }

    public Boolean getLicenceMatches() {
        return licenceMatches;
    }

    public Boolean getScanningAvailable() {
        return scanningAvailable;
    }

    public String getScanningNote() {
        return scanningNote;
    }

    public int getCriticalFindings() {
        return criticalFindings;
    }

    public int getHighFindings() {
        return highFindings;
    }

    public int getMediumFindings() {
        return mediumFindings;
    }

    public int getLowFindings() {
        return lowFindings;
    }

    public int getSecretsFound() {
        return secretsFound;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getFeedbackBy() {
        return feedbackBy;
    }

    public OffsetDateTime getFeedbackAt() {
        return feedbackAt;
    }

    public List<DeliveryFinding> getFindings() {
        return List.copyOf(findings);
    }
}
