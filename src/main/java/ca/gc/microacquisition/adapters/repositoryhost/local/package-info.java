/**
 * Local Git repositories (JGit) as repositoryhost.RepositoryHost for offline use and demos, with demo repository
 * data. Uses repositoryhost and analysis.
 */
package ca.gc.microacquisition.adapters.repositoryhost.local;
