package ca.gc.microacquisition.repositoryhost;

/**
 * One code-scanning or secret-scanning finding (SARIF-shaped).
 *
 * @param tool     the scanner that reported it (e.g. CodeQL, secret-scan)
 * @param ruleId   the rule's id
 * @param severity normalised severity
 * @param message  what the scanner says
 * @param path     file path, or null
 * @param line     1-based line, or 0 when unknown
 */
public record Finding(String tool, String ruleId, Severity severity, String message, String path, int line) {

    public enum Severity {
        CRITICAL,
        HIGH,
        MEDIUM,
        LOW,
        NOTE
    }
}
