package ca.gc.microacquisition.opportunity;

/** What closing the proposal period found. */
public record ProposalPeriodResult(int proposalCount) {}
