package ca.gc.microacquisition.opportunity;

import java.util.UUID;

/** How many proposals an opportunity has received (implemented by the proposal package, which owns them). */
public interface ProposalsReceived {

    /** The proposals submitted for the opportunity since it was last posted (a repost starts a new round). */
    long inCurrentRound(UUID opportunityId);
}
