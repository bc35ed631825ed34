package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.contract.Contract;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.supplier.Supplier;

/** An awarded opportunity with its winner, a runner-up and the contract. */
public record Awarded(
        Opportunity opportunity,
        Supplier winner,
        Proposal winning,
        Supplier runnerUp,
        Proposal runnerUpProposal,
        Contract contract) {}
