package ca.gc.microacquisition.opportunity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A piece of work a team wants done, from request to completion. */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    public static final String CURRENCY = "CAD";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String summary;

    @Column(name = "work_description", nullable = false, length = 4000)
    private String workDescription;

    @Column(name = "acceptance_criteria", nullable = false, length = 4000)
    private String acceptanceCriteria;

    @Column(length = 4000)
    private String skills;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "security_classification", nullable = false, length = 20)
    private SecurityClassification securityClassification;

    @Column(name = "remote_work", nullable = false)
    private boolean remoteWork;

    @Column(name = "repository_url", nullable = false, length = 500)
    private String repositoryUrl;

    /** The repository URL normalised for comparison (lower case, no trailing slash or .git). */
    @Column(name = "repository_key", nullable = false, length = 500)
    private String repositoryKey;

    @Column(nullable = false, length = 100)
    private String licence;

    @Column(name = "contains_personal_information", nullable = false)
    private boolean containsPersonalInformation;

    @Column(name = "proposal_deadline", nullable = false)
    private OffsetDateTime proposalDeadline;

    @Column(name = "delivery_days", nullable = false)
    private int deliveryDays;

    @Column(nullable = false, length = 100)
    private String department;

    @Column(nullable = false, length = 200)
    private String team;

    /** The team normalised for comparison (lower case, single spaces). */
    @Column(name = "team_key", nullable = false, length = 200)
    private String teamKey;

    @Column(nullable = false, length = 100)
    private String requester;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private OpportunityStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_criterion", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "position")
    private List<EvaluationCriterion> evaluationCriteria = new ArrayList<>();

    @Column(name = "title_fr", length = 200)
    private String titleFr;

    @Column(name = "summary_fr", length = 1000)
    private String summaryFr;

    @Column(name = "acceptance_criteria_fr", length = 4000)
    private String acceptanceCriteriaFr;

    /** French text of the evaluation criteria, one per line in the order of {@link #evaluationCriteria}. */
    @Column(name = "evaluation_criteria_fr", length = 4000)
    private String evaluationCriteriaFr;

    /** A test opportunity is never shown to the public (pages, API, feed, export). */
    @Column(name = "proposal_round", nullable = false)
    private int round = 1;

    @Column(name = "test_opportunity", nullable = false)
    private boolean testOpportunity;

    @Column(name = "referral_reasons", length = 4000)
    private String referralReasons;

    @Column(name = "cancel_reason", length = 1000)
    private String cancelReason;

    @Column(name = "cancelled_by", length = 100)
    private String cancelledBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "posted_at")
    private OffsetDateTime postedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "awarded_at")
    private OffsetDateTime awardedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected Opportunity() {}

    Opportunity(
            String reference,
            String title,
            String summary,
            String workDescription,
            String acceptanceCriteria,
            List<EvaluationCriterion> evaluationCriteria,
            String skills,
            BigDecimal price,
            SecurityClassification securityClassification,
            boolean remoteWork,
            String repositoryUrl,
            String licence,
            boolean containsPersonalInformation,
            OffsetDateTime proposalDeadline,
            int deliveryDays,
            String department,
            String team,
            String requester,
            OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.reference = reference;
        this.title = title;
        this.summary = summary;
        this.workDescription = workDescription;
        this.acceptanceCriteria = acceptanceCriteria;
        this.evaluationCriteria = new ArrayList<>(evaluationCriteria);
        this.skills = skills;
        this.price = price;
        this.currency = CURRENCY;
        this.securityClassification = securityClassification;
        this.remoteWork = remoteWork;
        this.repositoryUrl = repositoryUrl;
        this.repositoryKey = repositoryKey(repositoryUrl);
        this.licence = licence;
        this.containsPersonalInformation = containsPersonalInformation;
        this.proposalDeadline = proposalDeadline;
        this.deliveryDays = deliveryDays;
        this.department = department;
        this.team = team;
        this.teamKey = teamKey(team);
        this.requester = requester;
        this.status = OpportunityStatus.DRAFT;
        this.createdAt = createdAt;
    }

    /**
     * Normalises a repository URL so that the same repository written two ways compares equal: case, a query or
     * fragment, trailing slashes and a {@code .git} suffix (in any order, e.g. {@code .GIT/}) do not count.
     */
    public static String repositoryKey(String url) {
        String key = url.strip().toLowerCase(java.util.Locale.ROOT);
        int cut = key.indexOf('#');
        if (cut >= 0) {
            key = key.substring(0, cut);
        }
        cut = key.indexOf('?');
        if (cut >= 0) {
            key = key.substring(0, cut);
        }
        String before;
        do {
            before = key;
            while (key.endsWith("/")) {
                key = key.substring(0, key.length() - 1);
            }
            if (key.endsWith(".git")) {
                key = key.substring(0, key.length() - 4);
            }
        } while (!key.equals(before));
        return key;
    }

    /** Normalises a team name (case and spacing) so that the same team written two ways compares equal. */
    public static String teamKey(String team) {
        return team.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    void translations(String titleFr, String summaryFr, String acceptanceCriteriaFr, String evaluationCriteriaFr) {
        this.titleFr = titleFr;
        this.summaryFr = summaryFr;
        this.acceptanceCriteriaFr = acceptanceCriteriaFr;
        this.evaluationCriteriaFr = evaluationCriteriaFr;
    }

    void markTest(boolean test) {
        this.testOpportunity = test;
    }

    void refer(String reasons) {
        this.status = OpportunityStatus.REFERRED;
        this.referralReasons = reasons;
    }

    void publish(OffsetDateTime now) {
        this.status = OpportunityStatus.OPEN;
        this.postedAt = now;
    }

    /** The minimum posting period would not be met: the proposal deadline moves later. */
    void moveDeadline(OffsetDateTime later) {
        this.proposalDeadline = later;
    }

    void close(OpportunityStatus next, OffsetDateTime now) {
        this.status = next;
        this.closedAt = now;
    }

    /** A new round of proposals: the earlier round's proposals are archived (kept, no longer evaluated). */
    void repost(OffsetDateTime newDeadline) {
        this.round++;
        this.status = OpportunityStatus.OPEN;
        this.proposalDeadline = newDeadline;
        this.closedAt = null;
    }

    void cancel(String reason, String actor, OffsetDateTime now) {
        this.status = OpportunityStatus.CANCELLED;
        this.cancelReason = reason;
        this.cancelledBy = actor;
        this.cancelledAt = now;
    }

    void award(OffsetDateTime now) {
        this.status = OpportunityStatus.AWARDED;
        if (awardedAt == null) {
            this.awardedAt = now;
        }
    }

    void complete(OffsetDateTime now) {
        this.status = OpportunityStatus.COMPLETED;
        this.completedAt = now;
    }

    /** Whether the public may see it: it has been posted and is not a test opportunity. */
    public boolean isPublic() {
        return postedAt != null && !testOpportunity;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public String getSummaryFr() {
        return summaryFr;
    }

    public String getAcceptanceCriteriaFr() {
        return acceptanceCriteriaFr;
    }

    public String getEvaluationCriteriaFr() {
        return evaluationCriteriaFr;
    }

    /** The current round of proposals: 1, then one more at each repost. */
    public int getRound() {
        return round;
    }

    public boolean isTestOpportunity() {
        return testOpportunity;
    }

    public UUID getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getWorkDescription() {
        return workDescription;
    }

    public String getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    public List<EvaluationCriterion> getEvaluationCriteria() {
        return List.copyOf(evaluationCriteria);
    }

    public String getSkills() {
        return skills;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    public SecurityClassification getSecurityClassification() {
        return securityClassification;
    }

    public boolean isRemoteWork() {
        return remoteWork;
    }

    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    public String getRepositoryKey() {
        return repositoryKey;
    }

    public String getLicence() {
        return licence;
    }

    public boolean isContainsPersonalInformation() {
        return containsPersonalInformation;
    }

    public OffsetDateTime getProposalDeadline() {
        return proposalDeadline;
    }

    public int getDeliveryDays() {
        return deliveryDays;
    }

    public String getDepartment() {
        return department;
    }

    public String getTeam() {
        return team;
    }

    public String getTeamKey() {
        return teamKey;
    }

    public String getRequester() {
        return requester;
    }

    public OpportunityStatus getStatus() {
        return status;
    }

    public String getReferralReasons() {
        return referralReasons;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getPostedAt() {
        return postedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getAwardedAt() {
        return awardedAt;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public OffsetDateTime getCancelledAt() {
        return cancelledAt;
    }
}
