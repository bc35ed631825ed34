package ca.gc.microacquisition.adapters.repositoryhost.github;

import ca.gc.microacquisition.repositoryhost.OpportunityIssues;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a GitHub issue for a posted opportunity in its repository and closes it on award or cancellation.
 * The issue body ends with the opportunity's marker; an open issue carrying it is updated rather than created
 * again, and a closing comment already posted is not posted twice, so retries and edits never duplicate.
 * Selected by {@code app.repository.host=github} with {@code app.github.open-issues=true}.
 */
public class GitHubOpportunityIssues implements OpportunityIssues {

    private static final Logger log = LoggerFactory.getLogger(GitHubOpportunityIssues.class);

    private final GitHubApi api;

    public GitHubOpportunityIssues(GitHubProperties properties) {
        this(new GitHubApi(properties));
    }

    GitHubOpportunityIssues(GitHubApi api) {
        this.api = api;
    }

    @Override
    public Optional<String> openIssue(String repositoryUrl, String reference, String title, String body) {
        Objects.requireNonNull(reference, "reference");
        var ref = api.repository(repositoryUrl);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Optional<GHRepository> repository = api.findRepository(ref.get());
        if (repository.isEmpty()) {
            log.warn(
                    "No issue opened for {}: repository {} not found",
                    reference,
                    ref.get().fullName());
            return Optional.empty();
        }
        String fullBody = (body == null ? "" : body.strip()) + "\n\n" + OpportunityIssues.marker(reference) + "\n";
        try {
            Optional<GHIssue> existing = findOpen(repository.get(), reference);
            if (existing.isPresent()) {
                GHIssue issue = existing.get();
                if (!Objects.equals(issue.getTitle(), title)) {
                    issue.setTitle(title);
                }
                if (!Objects.equals(normalise(issue.getBody()), normalise(fullBody))) {
                    issue.setBody(fullBody);
                }
                return Optional.of(issue.getHtmlUrl().toString());
            }
            GHIssue created = repository.get().createIssue(title).body(fullBody).create();
            log.info("Opened issue {} for {}", created.getHtmlUrl(), reference);
            return Optional.of(created.getHtmlUrl().toString());
        } catch (IOException e) {
            throw api.failure(
                    "opening the issue for " + reference + " in " + ref.get().fullName(), e);
        }
    }

    @Override
    public void closeIssue(String repositoryUrl, String reference, String comment) {
        var ref = api.repository(repositoryUrl);
        if (ref.isEmpty()) {
            return;
        }
        Optional<GHRepository> repository = api.findRepository(ref.get());
        if (repository.isEmpty()) {
            return;
        }
        try {
            Optional<GHIssue> existing = findOpen(repository.get(), reference);
            if (existing.isEmpty()) {
                return;
            }
            GHIssue issue = existing.get();
            if (comment != null && !comment.isBlank() && !alreadyCommented(issue, comment)) {
                issue.comment(comment);
            }
            issue.close();
            log.info("Closed issue {} for {}", issue.getHtmlUrl(), reference);
        } catch (IOException e) {
            throw api.failure(
                    "closing the issue for " + reference + " in " + ref.get().fullName(), e);
        }
    }

    private static Optional<GHIssue> findOpen(GHRepository repository, String reference) throws IOException {
        String marker = OpportunityIssues.marker(reference);
        for (GHIssue issue :
                repository.queryIssues().state(GHIssueState.OPEN).pageSize(100).list()) {
            if (!issue.isPullRequest()
                    && issue.getBody() != null
                    && issue.getBody().contains(marker)) {
                return Optional.of(issue);
            }
        }
        return Optional.empty();
    }

    private static boolean alreadyCommented(GHIssue issue, String comment) throws IOException {
        if (issue.getCommentsCount() == 0) {
            return false;
        }
        for (GHIssueComment existing : issue.listComments().withPageSize(100)) {
            if (normalise(comment).equals(normalise(existing.getBody()))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
