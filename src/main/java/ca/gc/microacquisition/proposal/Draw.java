package ca.gc.microacquisition.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The record of a random draw among passing proposals: anyone with the seed and the passing proposals in label
 * order can replay it ({@link #replay}).
 */
@Entity
@Table(name = "proposal_draw")
public class Draw {

    public static final String ALGORITHM = "java.util.Random/Collections.shuffle over proposals ordered by label";

    @Id
    private UUID id;

    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false, length = 200)
    private String algorithm;

    /** The passing proposals in label order, as shuffled (comma-separated ids). */
    @Column(name = "input_proposal_ids", nullable = false, length = 4000)
    private String inputProposalIds;

    /** The resulting order (comma-separated ids), winner first. */
    @Column(name = "ordered_proposal_ids", nullable = false, length = 4000)
    private String orderedProposalIds;

    @Column(name = "drawn_at", nullable = false)
    private OffsetDateTime drawnAt;

    protected Draw() {}

    Draw(UUID opportunityId, long seed, List<UUID> input, List<UUID> order, OffsetDateTime drawnAt) {
        this.id = UUID.randomUUID();
        this.opportunityId = opportunityId;
        this.seed = seed;
        this.algorithm = ALGORITHM;
        this.inputProposalIds = join(input);
        this.orderedProposalIds = join(order);
        this.drawnAt = drawnAt;
    }

    /** The draw order for the given proposals (in label order) and seed. */
    public static List<UUID> replay(List<UUID> proposalsInLabelOrder, long seed) {
        List<UUID> order = new java.util.ArrayList<>(proposalsInLabelOrder);
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    private static String join(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static List<UUID> split(String ids) {
        return ids.isEmpty()
                ? List.of()
                : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
    }

    public UUID getId() {
        return id;
    }

    public UUID getOpportunityId() {
        return opportunityId;
    }

    public long getSeed() {
        return seed;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public List<UUID> getInputProposalIds() {
        return split(inputProposalIds);
    }

    public List<UUID> getOrderedProposalIds() {
        return split(orderedProposalIds);
    }

    public OffsetDateTime getDrawnAt() {
        return drawnAt;
    }
}
