package ca.gc.microacquisition.adapters.repositoryhost.gitlab;

import ca.gc.microacquisition.repositoryhost.Finding;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The part of GitLab's SAST report ({@code gl-sast-report.json}, the "security report" schema 15.x) the QA gate
 * needs: each vulnerability's scanner, identifier, severity, message and location.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SastReport(String version, List<Vulnerability> vulnerabilities, Scan scan) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SastReport read(InputStream in) throws IOException {
        return JSON.readValue(in, SastReport.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Vulnerability(
            String id,
            String category,
            String name,
            String message,
            String description,
            String severity,
            Scanner scanner,
            Location location,
            List<Identifier> identifiers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scanner(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Location(String file, @JsonProperty("start_line") Integer startLine) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identifier(String type, String name, String value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scan(Scanner scanner, Scanner analyzer, String type, String status) {}

    List<Finding> findings() {
        if (vulnerabilities == null) {
            return List.of();
        }
        String reportScanner =
                scan != null && scan.scanner() != null ? scan.scanner().name() : "GitLab SAST";
        return vulnerabilities.stream()
                .map(v -> new Finding(
                        v.scanner() != null && v.scanner().name() != null
                                ? v.scanner().name()
                                : reportScanner,
                        ruleId(v),
                        severity(v.severity()),
                        firstNonBlank(v.message(), v.name(), v.description()),
                        v.location() == null ? null : v.location().file(),
                        v.location() == null || v.location().startLine() == null
                                ? 0
                                : v.location().startLine()))
                .toList();
    }

    private static String ruleId(Vulnerability v) {
        if (v.identifiers() != null && !v.identifiers().isEmpty()) {
            Identifier first = v.identifiers().get(0);
            return first.value() != null ? first.type() + ":" + first.value() : first.name();
        }
        return v.id();
    }

    static Finding.Severity severity(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> Finding.Severity.CRITICAL;
            case "high" -> Finding.Severity.HIGH;
            case "medium" -> Finding.Severity.MEDIUM;
            case "low" -> Finding.Severity.LOW;
            default -> Finding.Severity.NOTE; // info, unknown
        };
    }

    private static String firstNonBlank(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }
}
