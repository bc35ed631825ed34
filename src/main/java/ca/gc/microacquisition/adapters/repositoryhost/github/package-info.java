/**
 * GitHub as repositoryhost.RepositoryHost and OpportunityIssues (repository checks, pull-request reports, issues
 * announcing opportunities), through the kohsuke GitHub API. Uses repositoryhost, analysis and adapters.Secrets.
 */
package ca.gc.microacquisition.adapters.repositoryhost.github;
