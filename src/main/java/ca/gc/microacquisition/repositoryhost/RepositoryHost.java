package ca.gc.microacquisition.repositoryhost;

/**
 * Port to the code host where the work is done in the open (GitHub, GitLab, or local Git repositories).
 * Implementations live under {@code ca.gc.microacquisition.adapters.repositoryhost}.
 *
 * <p>Technical failures (host unreachable, 5xx) are thrown as {@link RepositoryHostUnavailableException}
 * so the process engine retries them; facts about a repository (not found, private, no licence, scanning not
 * enabled) are reported in the returned values, never thrown.
 */
public interface RepositoryHost {

    /** Short name of the host kind, e.g. {@code local}, {@code github}, {@code gitlab}. */
    String kind();

    /** Whether this host manages the given repository URL (syntax only, no remote call). */
    boolean recognizes(String repositoryUrl);

    /** Looks a repository up: does it exist, is it public, which licence does its default branch carry. */
    RepositoryInfo describe(String repositoryUrl);

    /**
     * Whether a change request (pull request / merge request) URL belongs to the given repository
     * (syntax only, no remote call).
     */
    boolean isChangeRequestOf(String changeRequestUrl, String repositoryUrl);

    /** Reads a delivered change request: state, head, checks, licence at its head, and findings. */
    ChangeRequestReport inspectChangeRequest(String changeRequestUrl);
}
