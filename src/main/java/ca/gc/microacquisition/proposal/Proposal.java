package ca.gc.microacquisition.proposal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A supplier's proposal for an opportunity; evaluators see it only by its anonymous label. */
@Entity
@Table(name = "proposal")
public class Proposal {

    @Id
    private UUID id;

    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;

    /** 1, 2, 3... in submission order within the opportunity. */
    /** The round of proposals it was sent in (1, then one more at each repost). */
    @Column(name = "proposal_round", nullable = false)
    private int round = 1;

    @Column(name = "sequence_number", nullable = false)
    private int sequenceNumber;

    /** "Proposal A", "Proposal B"... in submission order. */
    @Column(nullable = false, length = 30)
    private String label;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ProposalStatus status;

    @Column(name = "terms_accepted", nullable = false)
    private boolean termsAccepted;

    @Column(name = "terms_version", nullable = false, length = 20)
    private String termsVersion;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    /** Position in the draw (1 = drawn first); null unless the proposal passed and the draw happened. */
    @Column(name = "draw_rank")
    private Integer drawRank;

    @Column(name = "skip_reason", length = 1000)
    private String skipReason;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<ProposalStatement> statements = new ArrayList<>();

    protected Proposal() {}

    Proposal(
            UUID opportunityId,
            int round,
            UUID supplierId,
            int sequenceNumber,
            String termsVersion,
            OffsetDateTime submittedAt) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.round = round;
        this.supplierId = supplierId;
        this.sequenceNumber = sequenceNumber;
        this.label = label(sequenceNumber);
        this.status = ProposalStatus.SUBMITTED;
        this.termsAccepted = true;
        this.termsVersion = termsVersion;
        this.submittedAt = submittedAt;
    }

    /** 1 → "Proposal A", 26 → "Proposal Z", 27 → "Proposal AA". */
    public int getRound() {
        return round;
    }

    static String label(int sequence) {
        StringBuilder letters = new StringBuilder();
        int n = sequence;
        while (n > 0) {
            n--;
            letters.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return "Proposal " + letters;
    }

    void addStatement(String criterionId, int position, String text) {
        statements.add(new ProposalStatement(this, criterionId, position, text));
    }

    void evaluated(boolean passed) {
        this.status = passed ? ProposalStatus.PASSED : ProposalStatus.FAILED;
    }

    void ranked(int rank) {
        this.drawRank = rank;
    }

    void select() {
        this.status = ProposalStatus.SELECTED;
    }

    void skip(String reason) {
        this.status = ProposalStatus.SKIPPED;
        this.skipReason = reason;
    }

    void award() {
        this.status = ProposalStatus.AWARDED;
    }

    void notSelected() {
        this.status = ProposalStatus.NOT_SELECTED;
    }

    public String statementFor(String criterionId) {
        return statements.stream()
                .filter(s -> s.getCriterionId().equals(criterionId))
                .map(ProposalStatement::getText)
                .findFirst()
                .orElse("");
    }

    public UUID getId() {
        return id;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public int getSequenceNumber() {
        return sequenceNumber;
    }

    public String getLabel() {
        return label;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public boolean isTermsAccepted() {
        return termsAccepted;
    }

    public String getTermsVersion() {
        return termsVersion;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public Integer getDrawRank() {
        return drawRank;
    }

    public String getSkipReason() {
        return skipReason;
    }

    public List<ProposalStatement> getStatements() {
        return List.copyOf(statements);
    }
}
