/**
 * Implementations of the repositoryhost.RepositoryHost and OpportunityIssues ports: GitHub, GitLab and local Git
 * repositories, with the shared analysis code.
 */
package ca.gc.microacquisition.adapters.repositoryhost;
