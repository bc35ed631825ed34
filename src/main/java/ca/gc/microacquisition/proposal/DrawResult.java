package ca.gc.microacquisition.proposal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The random draw among passing proposals.
 *
 * @param seed               the recorded seed: replaying the draw with it gives the same order
 * @param selectedProposalId the first in the order, if any proposal passed
 * @param order              every passing proposal in draw order (winner first, then the runner-ups)
 */
public record DrawResult(long seed, Optional<UUID> selectedProposalId, List<UUID> order) {}
