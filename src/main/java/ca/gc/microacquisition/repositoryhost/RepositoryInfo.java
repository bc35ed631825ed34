package ca.gc.microacquisition.repositoryhost;

/**
 * What the host says about a repository.
 *
 * @param url            the repository URL as given
 * @param exists         whether the host has it
 * @param publicVisible  whether anyone can read it without an account
 * @param defaultBranch  its default branch, or null when it does not exist
 * @param licenceSpdxId  SPDX id of the licence file on the default branch, or null when none was recognised
 */
public record RepositoryInfo(
        String url, boolean exists, boolean publicVisible, String defaultBranch, String licenceSpdxId) {

    public static RepositoryInfo missing(String url) {
        return new RepositoryInfo(url, false, false, null, null);
    }
}
