/**
 * Implementations of the repositoryhost.RepositoryHost and OpportunityIssues ports: GitHub, GitLab and local Git
 * repositories, with the shared analysis code and the reading of repository addresses (RepositoryUrls).
 */
package ca.gc.microacquisition.adapters.repositoryhost;
