/**
 * Proposals: drafts, submission with statements and self-identification, evaluation per criterion, the results and
 * the random draw between tied proposals, and the supplier's proposal API. Uses opportunity, supplier, procurement
 * and common; never Camunda or an adapter.
 */
package ca.gc.microacquisition.proposal;
