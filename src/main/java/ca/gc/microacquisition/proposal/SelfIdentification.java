package ca.gc.microacquisition.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Voluntary self-identification given with a proposal, kept apart from it for pilot reporting only. */
@Entity
@Table(name = "proposal_self_identification")
public class SelfIdentification {

    @Id
    @Column(name = "proposal_id")
    private UUID proposalId;

    @Column(name = "first_government_contract")
    private Boolean firstGovernmentContract;

    @Column(length = 100)
    private String region;

    @Column(name = "small_business")
    private Boolean smallBusiness;

    private Boolean freelancer;

    @Column(name = "under_represented_groups", length = 1000)
    private String underRepresentedGroups;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected SelfIdentification() {}

    SelfIdentification(
            UUID proposalId,
            Boolean firstGovernmentContract,
            String region,
            Boolean smallBusiness,
            Boolean freelancer,
            String underRepresentedGroups,
            OffsetDateTime recordedAt) {
        this.proposalId = proposalId;
        this.firstGovernmentContract = firstGovernmentContract;
        this.region = region;
        this.smallBusiness = smallBusiness;
        this.freelancer = freelancer;
        this.underRepresentedGroups = underRepresentedGroups;
        this.recordedAt = recordedAt;
    }

    public UUID getProposalId() {
        return proposalId;
    }

    public Boolean getFirstGovernmentContract() {
        return firstGovernmentContract;
    }

    public String getRegion() {
        return region;
    }

    public Boolean getSmallBusiness() {
        return smallBusiness;
    }

    public Boolean getFreelancer() {
        return freelancer;
    }

    public String getUnderRepresentedGroups() {
        return underRepresentedGroups;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }
}
