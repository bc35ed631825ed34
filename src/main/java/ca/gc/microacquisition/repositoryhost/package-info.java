/**
 * The RepositoryHost and OpportunityIssues ports and their value types (RepositoryInfo, ChangeRequestReport,
 * Finding): what the service needs from the code host where the work is done in the open. Depends on nothing;
 * implemented in adapters.repositoryhost.
 */
package ca.gc.microacquisition.repositoryhost;
