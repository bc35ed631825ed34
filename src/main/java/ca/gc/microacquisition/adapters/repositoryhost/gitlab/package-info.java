/**
 * GitLab as repositoryhost.RepositoryHost, over its REST API (SAST reports read as findings). Uses repositoryhost,
 * analysis and adapters.Secrets.
 */
package ca.gc.microacquisition.adapters.repositoryhost.gitlab;
