package ca.gc.microacquisition.adapters.repositoryhost.gitlab;

import ca.gc.microacquisition.adapters.Secrets;
import ca.gc.microacquisition.adapters.repositoryhost.RepositoryUrls;
import ca.gc.microacquisition.adapters.repositoryhost.analysis.LicenceDetector;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryHostUnavailableException;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Artifact;
import org.gitlab4j.api.models.Job;
import org.gitlab4j.api.models.MergeRequest;
import org.gitlab4j.api.models.Pipeline;
import org.gitlab4j.api.models.Project;
import org.gitlab4j.api.models.TreeItem;
import org.gitlab4j.api.models.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repository host on a GitLab instance (gitlab.com or self-managed), through {@code gitlab4j-api}: projects,
 * merge requests, the head pipeline's status, the licence file at the merge request's head, and the SAST report
 * ({@code gl-sast-report.json}) that the head pipeline's SAST jobs keep as an artifact. Selected by
 * {@code app.repository.host=gitlab}.
 */
public class GitLabRepositoryHost implements RepositoryHost, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GitLabRepositoryHost.class);

    private static final String SEGMENT = "[A-Za-z0-9_.][A-Za-z0-9_.-]*";
    private static final Pattern PROJECT_PATH = Pattern.compile("^/((?:" + SEGMENT + "/)+" + SEGMENT + ")/?$");
    private static final Pattern MR_PATH =
            Pattern.compile("^/((?:" + SEGMENT + "/)+" + SEGMENT + ")/-/merge_requests/(\\d+)/?$");
    static final String SAST_REPORT = "gl-sast-report.json";

    private final GitLabApi gitlab;
    private final String host;

    public GitLabRepositoryHost(GitLabProperties properties) {
        if (properties.apiUrl() == null || properties.apiUrl().isBlank()) {
            throw new IllegalStateException("app.repository.host=gitlab needs app.gitlab.api-url (APP_GITLAB_API_URL), "
                    + "e.g. https://gitlab.com");
        }
        if (!Secrets.isSet(properties.token())) {
            throw new IllegalStateException("app.repository.host=gitlab needs app.gitlab.token (APP_GITLAB_TOKEN) "
                    + "with the read_api scope");
        }
        String base = properties.apiUrl().trim().replaceAll("/+$", "").replaceAll("/api/v4$", "");
        this.host = URI.create(base).getHost().toLowerCase(Locale.ROOT);
        this.gitlab = new GitLabApi(base, properties.token().trim());
        this.gitlab.setRequestTimeout((int) properties.connectTimeout().toMillis(), (int)
                properties.readTimeout().toMillis());
    }

    @Override
    public void close() {
        gitlab.close();
    }

    @Override
    public String kind() {
        return "gitlab";
    }

    @Override
    public boolean recognizes(String repositoryUrl) {
        return match(repositoryUrl, PROJECT_PATH)
                .filter(m -> !m.group(1).contains("/-/"))
                .isPresent();
    }

    @Override
    public boolean isChangeRequestOf(String changeRequestUrl, String repositoryUrl) {
        var mr = match(changeRequestUrl, MR_PATH);
        var project = match(repositoryUrl, PROJECT_PATH);
        return mr.isPresent()
                && project.isPresent()
                && mr.get().group(1).equalsIgnoreCase(project.get().group(1));
    }

    @Override
    public RepositoryInfo describe(String repositoryUrl) {
        String path = match(repositoryUrl, PROJECT_PATH)
                .map(m -> m.group(1))
                .orElseThrow(() -> new IllegalArgumentException("Not a project URL on " + host + ": " + repositoryUrl));
        Project project;
        try {
            project = gitlab.getProjectApi().getProject(path, false, true, false);
        } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 404) {
                return RepositoryInfo.missing(repositoryUrl);
            }
            throw failure("reading project " + path, e);
        }
        String spdx = project.getLicense() == null
                ? null
                : LicenceDetector.canonical(project.getLicense().getKey());
        return new RepositoryInfo(
                repositoryUrl, true, project.getVisibility() == Visibility.PUBLIC, project.getDefaultBranch(), spdx);
    }

    @Override
    public ChangeRequestReport inspectChangeRequest(String changeRequestUrl) {
        var m = match(changeRequestUrl, MR_PATH).orElse(null);
        if (m == null) {
            return notFound(changeRequestUrl, "Not a GitLab merge request URL on " + host + ".");
        }
        String path = m.group(1);
        long iid = Long.parseLong(m.group(2));
        MergeRequest mr;
        try {
            mr = gitlab.getMergeRequestApi().getMergeRequest(path, iid);
        } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 404) {
                return notFound(changeRequestUrl, "Merge request !" + iid + " was not found in " + path + ".");
            }
            throw failure("reading merge request " + path + "!" + iid, e);
        }
        State state = switch (mr.getState() == null ? "" : mr.getState()) {
            case "merged" -> State.MERGED;
            case "closed" -> State.CLOSED;
            default -> State.OPEN; // opened, locked (being merged)
        };
        String sha = mr.getSha() != null
                ? mr.getSha()
                : mr.getDiffRefs() != null ? mr.getDiffRefs().getHeadSha() : null;
        Pipeline pipeline = mr.getHeadPipeline();
        ChecksOutcome checks = checks(pipeline);
        Licence licence = sha == null ? new Licence(false, null) : licenceAt(path, sha);
        Scanning scanning = sast(path, iid, pipeline);
        return new ChangeRequestReport(
                changeRequestUrl,
                state,
                sha,
                checks,
                licence.present(),
                licence.spdxId(),
                scanning.available(),
                scanning.note(),
                scanning.findings());
    }

    private static ChangeRequestReport notFound(String url, String note) {
        return new ChangeRequestReport(
                url, State.NOT_FOUND, null, ChecksOutcome.NONE, false, null, false, note, List.of());
    }

    static ChecksOutcome checks(Pipeline pipeline) {
        if (pipeline == null || pipeline.getStatus() == null) {
            return ChecksOutcome.NONE;
        }
        return switch (pipeline.getStatus()) {
            case SUCCESS -> ChecksOutcome.PASSED;
            case FAILED, CANCELED, CANCELING -> ChecksOutcome.FAILED;
            case SKIPPED -> ChecksOutcome.NONE;
            default -> ChecksOutcome.PENDING; // created, waiting, preparing, pending, running, manual, scheduled
        };
    }

    private record Licence(boolean present, String spdxId) {}

    private Licence licenceAt(String path, String sha) {
        try {
            TreeItem file = null;
            for (TreeItem item : gitlab.getRepositoryApi().getTree(path, null, sha)) {
                if (item.getType() == TreeItem.Type.BLOB && LicenceDetector.isLicenceFileName(item.getName())) {
                    file = item;
                    break;
                }
            }
            if (file == null) {
                return new Licence(false, null);
            }
            try (InputStream in = gitlab.getRepositoryFileApi().getRawFile(path, sha, file.getPath())) {
                return new Licence(
                        true,
                        LicenceDetector.detect(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8))
                                .orElse(null));
            }
        } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 404) {
                return new Licence(false, null);
            }
            throw failure("reading the licence of " + path + " at " + sha, e);
        } catch (IOException e) {
            throw new RepositoryHostUnavailableException("GitLab failed while reading the licence of " + path, e);
        }
    }

    private record Scanning(boolean available, String note, List<Finding> findings) {}

    /** Findings from the SAST reports the head pipeline's jobs keep; none kept means scanning was not available. */
    private Scanning sast(String path, long iid, Pipeline pipeline) {
        if (pipeline == null || pipeline.getId() == null) {
            return new Scanning(
                    false,
                    "No pipeline ran on merge request !" + iid + " of " + path
                            + ", so no SAST report exists. Review the change by hand, or ask the supplier to run the "
                            + "project's pipeline with the SAST template.",
                    List.of());
        }
        List<Finding> findings = new ArrayList<>();
        int reports = 0;
        try {
            for (Job job : gitlab.getJobApi().getJobsForPipeline(path, pipeline.getId())) {
                if (!keepsSastReport(job)) {
                    continue;
                }
                try (InputStream in = gitlab.getJobApi().downloadSingleArtifactsFile(path, job.getId(), SAST_REPORT)) {
                    findings.addAll(SastReport.read(in).findings());
                    reports++;
                } catch (GitLabApiException e) {
                    if (e.getHttpStatus() != 404) {
                        throw e;
                    }
                    log.info("SAST report of job {} in {} has expired or was not kept", job.getId(), path);
                }
            }
        } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 403 || e.getHttpStatus() == 404) {
                return new Scanning(
                        false,
                        "GitLab refused to show the jobs of pipeline #" + pipeline.getId()
                                + " of " + path + " (" + e.getHttpStatus()
                                + "): the token needs read_api on the project. "
                                + "Review the change by hand.",
                        List.of());
            }
            throw failure("reading the SAST report of " + path + "!" + iid, e);
        } catch (IOException e) {
            throw new RepositoryHostUnavailableException(
                    "GitLab sent an unreadable SAST report for " + path + "!" + iid + ": " + e.getMessage(), e);
        }
        if (reports == 0) {
            return new Scanning(
                    false,
                    "SAST is not enabled on " + path + ": the head pipeline #" + pipeline.getId()
                            + " of merge request !" + iid + " kept no " + SAST_REPORT
                            + ". Review the change by hand, or "
                            + "ask the supplier to include the Security/SAST CI template.",
                    List.of());
        }
        return new Scanning(true, null, findings);
    }

    private static boolean keepsSastReport(Job job) {
        if (job.getArtifacts() == null) {
            return false;
        }
        for (Artifact artifact : job.getArtifacts()) {
            // gitlab4j knows only some file types; the SAST report is recognised by its file name.
            if (SAST_REPORT.equals(artifact.getFilename())) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException failure(String doing, GitLabApiException e) {
        int status = e.getHttpStatus();
        if (status == 401) {
            return new IllegalStateException(
                    "GitLab rejected the token (401) while " + doing + ": check app.gitlab.token (APP_GITLAB_TOKEN)",
                    e);
        }
        if (status == 403) {
            return new IllegalStateException(
                    "GitLab refused " + doing + " (403): the token needs the read_api scope "
                            + "and access to the project",
                    e);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new IllegalStateException("GitLab refused " + doing + " (" + status + "): " + e.getMessage(), e);
        }
        return new RepositoryHostUnavailableException(
                "GitLab failed or could not be reached while " + doing + (status > 0 ? " (" + status + ")" : "") + ": "
                        + e.getMessage(),
                e);
    }

    private Optional<Matcher> match(String url, Pattern pattern) {
        URI uri = RepositoryUrls.parse(url).orElse(null);
        if (uri == null) {
            return Optional.empty();
        }
        if (uri.getHost() == null
                || !uri.getHost().equalsIgnoreCase(host)
                || uri.getRawPath() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            return Optional.empty();
        }
        String path = pattern == PROJECT_PATH ? RepositoryUrls.withoutGitSuffix(uri.getRawPath()) : uri.getRawPath();
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }
}
