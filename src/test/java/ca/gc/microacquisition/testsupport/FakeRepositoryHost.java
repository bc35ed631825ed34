package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises {@code local://owner/name} repositories and {@code local://owner/name/pull/<branch>} change requests.
 * Reports are whatever a test put in with {@link #report}; others are OPEN, checks PASSED, MIT, no findings.
 */
public class FakeRepositoryHost implements RepositoryHost {

    private static final Pattern REPO = Pattern.compile("local://([\\w.-]+)/([\\w.-]+)/?");
    private static final Pattern CHANGE = Pattern.compile("(local://[\\w.-]+/[\\w.-]+)/pull/([\\w./-]+)");

    private final Map<String, ChangeRequestReport> reports = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public boolean recognizes(String repositoryUrl) {
        return repositoryUrl != null && REPO.matcher(repositoryUrl).matches();
    }

    @Override
    public RepositoryInfo describe(String repositoryUrl) {
        return recognizes(repositoryUrl)
                ? new RepositoryInfo(repositoryUrl, true, true, "main", "MIT")
                : RepositoryInfo.missing(repositoryUrl);
    }

    @Override
    public boolean isChangeRequestOf(String changeRequestUrl, String repositoryUrl) {
        if (changeRequestUrl == null || repositoryUrl == null) {
            return false;
        }
        Matcher m = CHANGE.matcher(changeRequestUrl);
        return m.matches() && stripSlash(m.group(1)).equals(stripSlash(repositoryUrl));
    }

    @Override
    public ChangeRequestReport inspectChangeRequest(String changeRequestUrl) {
        ChangeRequestReport r = reports.get(changeRequestUrl);
        if (r != null) {
            return r;
        }
        if (!CHANGE.matcher(changeRequestUrl).matches()) {
            return new ChangeRequestReport(
                    changeRequestUrl,
                    ChangeRequestReport.State.NOT_FOUND,
                    null,
                    ChangeRequestReport.ChecksOutcome.NONE,
                    false,
                    null,
                    false,
                    "not found",
                    List.of());
        }
        return new ChangeRequestReport(
                changeRequestUrl,
                ChangeRequestReport.State.OPEN,
                "abc123",
                ChangeRequestReport.ChecksOutcome.PASSED,
                true,
                "MIT",
                true,
                null,
                List.of());
    }

    public void report(ChangeRequestReport report) {
        reports.put(report.url(), report);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
