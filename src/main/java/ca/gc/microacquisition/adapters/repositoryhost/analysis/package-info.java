/**
 * Analysis shared by the repository-host adapters: licence detection, secret scanning and reading SARIF
 * code-scanning results into repositoryhost.Finding values. Uses repositoryhost only.
 */
package ca.gc.microacquisition.adapters.repositoryhost.analysis;
