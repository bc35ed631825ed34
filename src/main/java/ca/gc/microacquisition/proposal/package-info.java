/**
 * Proposals: drafts, submission with statements and self-identification (ProposalService); evaluation per criterion,
 * the results and the debrief (EvaluationService) and
 * the random draw between tied proposals, and the supplier's proposal API. Implements opportunity.ProposalsReceived
 * (ProposalCounts) and tells proponents when an opportunity is withdrawn (ProponentNotices, on
 * opportunity.OpportunityWithdrawn). Uses opportunity, supplier, procurement and common; never Camunda or an
 * adapter.
 */
package ca.gc.microacquisition.proposal;
