package ca.gc.microacquisition.proposal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import ca.gc.microacquisition.opportunity.ProposalsReceived;

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
