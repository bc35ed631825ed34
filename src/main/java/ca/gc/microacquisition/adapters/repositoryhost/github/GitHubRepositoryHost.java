package ca.gc.microacquisition.adapters.repositoryhost.github;

import ca.gc.microacquisition.adapters.repositoryhost.analysis.LicenceDetector;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCommitStatus;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLicense;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repository host on GitHub (github.com or GitHub Enterprise Server), through the hub4j {@code github-api} client,
 * with plain HTTP for code-scanning alerts and the licence at a given ref, which the client does not cover.
 * Selected by {@code app.repository.host=github}.
 */
public class GitHubRepositoryHost implements RepositoryHost {

    private static final Logger log = LoggerFactory.getLogger(GitHubRepositoryHost.class);
    private static final int MAX_ALERT_PAGES = 10;

    private final GitHubApi api;

    public GitHubRepositoryHost(GitHubProperties properties) {
        this(new GitHubApi(properties));
    }

    GitHubRepositoryHost(GitHubApi api) {
        this.api = api;
    }

    @Override
    public String kind() {
        return "github";
    }

    @Override
    public boolean recognizes(String repositoryUrl) {
        return api.repository(repositoryUrl).isPresent();
    }

    @Override
    public boolean isChangeRequestOf(String changeRequestUrl, String repositoryUrl) {
        var pull = api.pullRequest(changeRequestUrl);
        var repo = api.repository(repositoryUrl);
        return pull.isPresent() && repo.isPresent() && pull.get().repository().sameAs(repo.get());
    }

    @Override
    public RepositoryInfo describe(String repositoryUrl) {
        var ref = api.repository(repositoryUrl)
                .orElseThrow(() -> new IllegalArgumentException("Not a GitHub repository URL: " + repositoryUrl));
        Optional<GHRepository> found = api.findRepository(ref);
        if (found.isEmpty()) {
            return RepositoryInfo.missing(repositoryUrl);
        }
        GHRepository repository = found.get();
        String spdx;
        try {
            GHLicense licence = repository.getLicense();
            spdx = licence == null ? null : LicenceDetector.canonical(licence.getSpdxId());
        } catch (IOException e) {
            throw api.failure("reading the licence of " + ref.fullName(), e);
        }
        return new RepositoryInfo(repositoryUrl, true, !repository.isPrivate(), repository.getDefaultBranch(), spdx);
    }

    @Override
    public ChangeRequestReport inspectChangeRequest(String changeRequestUrl) {
        var pullRef = api.pullRequest(changeRequestUrl).orElse(null);
        if (pullRef == null) {
            return notFound(changeRequestUrl, "Not a GitHub pull request URL.");
        }
        String fullName = pullRef.repository().fullName();
        Optional<GHRepository> found = api.findRepository(pullRef.repository());
        if (found.isEmpty()) {
            return notFound(changeRequestUrl, "Repository " + fullName + " was not found on GitHub.");
        }
        GHRepository repository = found.get();
        GHPullRequest pull;
        try {
            pull = repository.getPullRequest(pullRef.number());
        } catch (FileNotFoundException e) {
            return notFound(
                    changeRequestUrl, "Pull request #" + pullRef.number() + " was not found in " + fullName + ".");
        } catch (IOException e) {
            throw api.failure("reading pull request " + fullName + "#" + pullRef.number(), e);
        }
        try {
            State state =
                    pull.getState() == GHIssueState.OPEN ? State.OPEN : pull.isMerged() ? State.MERGED : State.CLOSED;
            String headSha = pull.getHead().getSha();
            ChecksOutcome checks = checks(repository, headSha);
            Licence licence = licenceAt(repository, fullName, headSha);
            Scanning scanning = codeScanning(pullRef);
            return new ChangeRequestReport(
                    changeRequestUrl,
                    state,
                    headSha,
                    checks,
                    licence.present(),
                    licence.spdxId(),
                    scanning.available(),
                    scanning.note(),
                    scanning.findings());
        } catch (IOException e) {
            throw api.failure("inspecting pull request " + fullName + "#" + pullRef.number(), e);
        }
    }

    private static ChangeRequestReport notFound(String url, String note) {
        return new ChangeRequestReport(
                url, State.NOT_FOUND, null, ChecksOutcome.NONE, false, null, false, note, List.of());
    }

    // ---- Checks ---------------------------------------------------------------------------------------------

    /** Check runs (GitHub Actions and apps) and commit statuses (older CI) at the head, combined. */
    private ChecksOutcome checks(GHRepository repository, String sha) throws IOException {
        int passed = 0;
        int failed = 0;
        int pending = 0;
        for (GHCheckRun run : repository.getCheckRuns(sha).withPageSize(100)) {
            if (run.getStatus() != GHCheckRun.Status.COMPLETED) {
                pending++;
                continue;
            }
            GHCheckRun.Conclusion conclusion = run.getConclusion();
            if (conclusion == GHCheckRun.Conclusion.SUCCESS
                    || conclusion == GHCheckRun.Conclusion.NEUTRAL
                    || conclusion == GHCheckRun.Conclusion.SKIPPED) {
                passed++;
            } else {
                failed++;
            }
        }
        // Statuses come newest first; only the latest per context counts, as in GitHub's combined status.
        Map<String, GHCommitStatus> latest = new HashMap<>();
        for (GHCommitStatus status : repository.listCommitStatuses(sha).withPageSize(100)) {
            latest.putIfAbsent(status.getContext(), status);
        }
        for (GHCommitStatus status : latest.values()) {
            switch (status.getState()) {
                case SUCCESS -> passed++;
                case PENDING -> pending++;
                default -> failed++;
            }
        }
        if (failed > 0) {
            return ChecksOutcome.FAILED;
        }
        if (pending > 0) {
            return ChecksOutcome.PENDING;
        }
        return passed > 0 ? ChecksOutcome.PASSED : ChecksOutcome.NONE;
    }

    // ---- Licence --------------------------------------------------------------------------------------------

    private record Licence(boolean present, String spdxId) {}

    /**
     * The licence file at the head commit: present if the top directory holds a LICENSE/LICENCE/COPYING file;
     * its SPDX id as the service's recogniser reads the file's text, else as GitHub detects it at that ref.
     */
    private Licence licenceAt(GHRepository repository, String fullName, String sha) throws IOException {
        GHContent file = null;
        try {
            for (GHContent entry : repository.getDirectoryContent("", sha)) {
                if (entry.isFile() && LicenceDetector.isLicenceFileName(entry.getName())) {
                    file = entry;
                    break;
                }
            }
        } catch (FileNotFoundException e) {
            return new Licence(false, null);
        }
        if (file == null) {
            return new Licence(false, null);
        }
        // The file's text first, through the service's one recogniser; GitHub's own detection only when the text
        // says nothing recognisable (its id put in the same spelling).
        try (var in = repository.getFileContent(file.getPath(), sha).read()) {
            var detected = LicenceDetector.detect(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            if (detected.isPresent()) {
                return new Licence(true, detected.get());
            }
        } catch (FileNotFoundException e) {
            // read GitHub's detection below
        }
        var response = api.get(
                "/repos/" + fullName + "/license?" + GitHubApi.query("ref", sha),
                "reading the licence of " + fullName + " at " + sha);
        if (response.ok() && response.body() != null) {
            return new Licence(
                    true,
                    LicenceDetector.canonical(
                            response.body().path("license").path("spdx_id").asText(null)));
        }
        return new Licence(true, null);
    }

    // ---- Code scanning --------------------------------------------------------------------------------------

    private record Scanning(boolean available, String note, List<Finding> findings) {}

    private Scanning codeScanning(GitHubApi.PullRef pull) {
        String fullName = pull.repository().fullName();
        String path = "/repos/" + fullName + "/code-scanning/alerts?"
                + GitHubApi.query("ref", "refs/pull/" + pull.number() + "/head") + "&state=open&per_page=100";
        var pages =
                api.getAll(path, "reading code-scanning alerts of " + fullName + "#" + pull.number(), MAX_ALERT_PAGES);
        int status = pages.first().status();
        if (status == 404 || status == 403) {
            String note = status == 404
                    ? "Code scanning is not enabled on " + fullName + " (GitHub answered 404"
                            + detail(pages.first().message()) + "): no alerts could be read for pull request #"
                            + pull.number() + ". Review the change by hand, or ask the supplier to enable code "
                            + "scanning (for example CodeQL default setup)."
                    : "GitHub refused to show code-scanning alerts of " + fullName + " (GitHub answered 403"
                            + detail(pages.first().message()) + "). The token needs the \"Code scanning alerts: "
                            + "read\" permission (security_events), or code scanning is not available for this "
                            + "repository. Review the change by hand.";
            log.info("Code scanning unavailable for {}#{}: {}", fullName, pull.number(), status);
            return new Scanning(false, note, List.of());
        }
        if (!pages.first().ok()) {
            throw new IllegalStateException("GitHub refused to list code-scanning alerts of " + fullName + " (" + status
                    + ")" + detail(pages.first().message()));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode alert : pages.items()) {
            findings.add(finding(alert));
        }
        return new Scanning(true, null, findings);
    }

    private static String detail(String message) {
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    /** Maps one code-scanning alert: security severity first, else the rule's severity. */
    static Finding finding(JsonNode alert) {
        JsonNode rule = alert.path("rule");
        JsonNode instance = alert.path("most_recent_instance");
        String message = instance.path("message").path("text").asText("");
        if (message.isBlank()) {
            message = rule.path("description").asText("");
        }
        JsonNode location = instance.path("location");
        return new Finding(
                alert.path("tool").path("name").asText("code scanning"),
                rule.path("id").asText(rule.path("name").asText("")),
                severity(rule),
                message,
                location.path("path").asText(null),
                location.path("start_line").asInt(0));
    }

    static Finding.Severity severity(JsonNode rule) {
        String security = rule.path("security_severity_level").asText("").toLowerCase(Locale.ROOT);
        switch (security) {
            case "critical":
                return Finding.Severity.CRITICAL;
            case "high":
                return Finding.Severity.HIGH;
            case "medium":
                return Finding.Severity.MEDIUM;
            case "low":
                return Finding.Severity.LOW;
            default:
                break;
        }
        return switch (rule.path("severity").asText("").toLowerCase(Locale.ROOT)) {
            case "error" -> Finding.Severity.HIGH;
            case "warning" -> Finding.Severity.MEDIUM;
            case "note" -> Finding.Severity.NOTE;
            default -> Finding.Severity.LOW;
        };
    }
}
