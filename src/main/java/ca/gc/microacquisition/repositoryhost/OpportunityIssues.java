package ca.gc.microacquisition.repositoryhost;

import java.util.Optional;

/**
 * Optional port: announces a posted opportunity as an issue in its repository, and closes that issue on award or
 * cancellation. Present only where the repository host supports it and the feature is switched on
 * ({@code app.github.open-issues=true}); callers inject it as an {@code Optional} or {@code ObjectProvider}.
 *
 * <p>Both calls are idempotent on the opportunity reference: the issue body carries a marker
 * ({@code <!-- micro-acquisition:MA-2026-0001 -->}) and an open issue with that marker is reused (and updated) rather
 * than created again, so a retried job or an edited opportunity never opens a second issue.
 */
public interface OpportunityIssues {

    /**
     * Opens (or updates) the issue for an opportunity.
     *
     * @return the issue's web URL, or empty when the repository is not one this host manages or does not exist
     */
    Optional<String> openIssue(String repositoryUrl, String reference, String title, String body);

    /** Comments on and closes the open issue of an opportunity; does nothing when there is none. */
    void closeIssue(String repositoryUrl, String reference, String comment);

    /** The marker written into the issue body, by which the issue is found again. */
    static String marker(String reference) {
        return "<!-- micro-acquisition:" + reference + " -->";
    }
}
