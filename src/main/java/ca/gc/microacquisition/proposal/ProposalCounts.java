package ca.gc.microacquisition.proposal;

import ca.gc.microacquisition.opportunity.ProposalsReceived;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers the opportunity package's question of how many proposals arrived in the current round. */
@Component
class ProposalCounts implements ProposalsReceived {

    private final ProposalRepository proposals;

    ProposalCounts(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public long inCurrentRound(UUID opportunityId) {
        return proposals.countInCurrentRound(opportunityId);
    }
}
