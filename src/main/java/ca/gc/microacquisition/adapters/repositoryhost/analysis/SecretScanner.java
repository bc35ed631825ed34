package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Looks for credentials in lines of text: private key blocks, AWS access key ids, GitHub tokens, Slack tokens and
 * webhooks (CRITICAL), and passwords assigned a literal value (HIGH). Findings never repeat the secret itself.
 */
public final class SecretScanner {

    /** The tool name on every finding; the QA summary counts these as secrets. */
    public static final String TOOL = "secret-scan";

    private record SecretPattern(String ruleId, Severity severity, Pattern pattern, String message) {}

    private static final List<SecretPattern> PATTERNS = List.of(
            new SecretPattern(
                    "private-key",
                    Severity.CRITICAL,
                    Pattern.compile("-----BEGIN ((RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----"),
                    "A private key was committed."),
            new SecretPattern(
                    "aws-access-key-id",
                    Severity.CRITICAL,
                    Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])"),
                    "An AWS access key id was committed."),
            new SecretPattern(
                    "github-token",
                    Severity.CRITICAL,
                    Pattern.compile("(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"),
                    "A GitHub access token was committed."),
            new SecretPattern(
                    "slack-token",
                    Severity.CRITICAL,
                    Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"),
                    "A Slack token was committed."),
            new SecretPattern(
                    "slack-webhook",
                    Severity.CRITICAL,
                    Pattern.compile("https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+"),
                    "A Slack incoming webhook URL was committed."),
            new SecretPattern(
                    "password-assignment",
                    Severity.HIGH,
                    Pattern.compile("(?i)\\b(password|passwd|pwd|secret)[\"']?\\s*(:=|=|:)\\s*[\"']"
                            + "(?!\\$\\{)(?!<)[^\"'\\s]{4,}[\"']"),
                    "A password is assigned a literal value."));

    private SecretScanner() {}

    /**
     * Scans the given lines of one file.
     *
     * @param path        the file's path, reported on each finding
     * @param lines       the lines to scan
     * @param lineNumbers the 1-based line number of each entry of {@code lines}
     */
    public static List<Finding> scan(String path, List<String> lines, List<Integer> lineNumbers) {
        if (lines.size() != lineNumbers.size()) {
            throw new IllegalArgumentException("one line number per line");
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (SecretPattern p : PATTERNS) {
                if (p.pattern().matcher(line).find()) {
                    findings.add(new Finding(TOOL, p.ruleId(), p.severity(), p.message(), path, lineNumbers.get(i)));
                }
            }
        }
        return findings;
    }

    /** Scans a whole text. */
    public static List<Finding> scan(String path, String text) {
        List<String> lines = text.lines().toList();
        List<Integer> numbers = new ArrayList<>(lines.size());
        for (int i = 1; i <= lines.size(); i++) {
            numbers.add(i);
        }
        return scan(path, lines, numbers);
    }
}
