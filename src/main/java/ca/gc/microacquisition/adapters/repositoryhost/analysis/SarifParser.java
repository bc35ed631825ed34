package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;

/**
 * Reads SARIF 2.1 logs into {@link Finding}s.
 *
 * <p>Severity: a rule's {@code security-severity} property (a CVSS-like score, as GitHub code scanning uses it) maps
 * to CRITICAL (9 or more), HIGH (7 or more), MEDIUM (4 or more) or LOW. Without it, the result's level (or the rule's
 * default level, else SARIF's default {@code warning}) maps error to HIGH, warning to MEDIUM, note to LOW and none to
 * NOTE.
 */
public final class SarifParser {

    /** Thrown when a file is not a readable SARIF 2.1 log. */
    public static class SarifFormatException extends Exception {
        public SarifFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SarifParser() {
    }

    public static SarifLog read(byte[] json) throws SarifFormatException {
        SarifLog log;
        try {
            log = MAPPER.readValue(json, SarifLog.class);
        } catch (IOException e) {
            throw new SarifFormatException("not valid SARIF JSON: " + firstLine(e.getMessage()), e);
        }
        if (log == null || log.version() == null || !log.version().startsWith("2.1")) {
            throw new SarifFormatException("not a SARIF 2.1 log (version is "
                    + (log == null || log.version() == null ? "missing" : log.version()) + ")", null);
        }
        return log;
    }

    /** The findings of every run of the log. */
    public static List<Finding> findings(byte[] json) throws SarifFormatException {
        return findings(read(json));
    }

    public static List<Finding> findings(SarifLog log) {
        List<Finding> findings = new ArrayList<>();
        if (log.runs() == null) {
            return findings;
        }
        for (SarifLog.Run run : log.runs()) {
            if (run == null || run.results() == null) {
                continue;
            }
            SarifLog.Driver driver = run.tool() == null ? null : run.tool().driver();
            String tool = driver == null || driver.name() == null ? "SARIF" : driver.name();
            List<SarifLog.Rule> rules = driver == null || driver.rules() == null ? List.of() : driver.rules();
            for (SarifLog.Result result : run.results()) {
                if (result != null) {
                    findings.add(toFinding(tool, rules, result));
                }
            }
        }
        return findings;
    }

    private static Finding toFinding(String tool, List<SarifLog.Rule> rules, SarifLog.Result result) {
        Optional<SarifLog.Rule> rule = ruleOf(rules, result);
        String ruleId = result.ruleId() != null ? result.ruleId() : rule.map(SarifLog.Rule::id).orElse(null);
        Severity severity = rule.flatMap(SarifParser::securitySeverity)
                .map(SarifParser::fromScore)
                .orElseGet(() -> fromLevel(level(result, rule)));
        String message = result.message() != null && result.message().text() != null
                ? result.message().text()
                : (ruleId == null ? "(no message)" : ruleId);
        String path = null;
        int line = 0;
        if (result.locations() != null && !result.locations().isEmpty() && result.locations().get(0) != null) {
            SarifLog.PhysicalLocation physical = result.locations().get(0).physicalLocation();
            if (physical != null) {
                path = physical.artifactLocation() == null ? null : physical.artifactLocation().uri();
                line = physical.region() == null || physical.region().startLine() == null
                        ? 0 : Math.max(0, physical.region().startLine());
            }
        }
        return new Finding(tool, ruleId, severity, message, path, line);
    }

    private static Optional<SarifLog.Rule> ruleOf(List<SarifLog.Rule> rules, SarifLog.Result result) {
        if (result.ruleIndex() != null && result.ruleIndex() >= 0 && result.ruleIndex() < rules.size()) {
            return Optional.ofNullable(rules.get(result.ruleIndex()));
        }
        if (result.ruleId() == null) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r != null && result.ruleId().equals(r.id())).findFirst();
    }

    private static String level(SarifLog.Result result, Optional<SarifLog.Rule> rule) {
        if (result.level() != null) {
            return result.level();
        }
        return rule.map(SarifLog.Rule::defaultConfiguration).map(SarifLog.Configuration::level).orElse("warning");
    }

    private static Optional<BigDecimal> securitySeverity(SarifLog.Rule rule) {
        Map<String, Object> properties = rule.properties();
        Object value = properties == null ? null : properties.get("security-severity");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.toString().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Severity fromScore(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(9)) >= 0) {
            return Severity.CRITICAL;
        }
        if (score.compareTo(BigDecimal.valueOf(7)) >= 0) {
            return Severity.HIGH;
        }
        if (score.compareTo(BigDecimal.valueOf(4)) >= 0) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    static Severity fromLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.HIGH;
            case "note" -> Severity.LOW;
            case "none" -> Severity.NOTE;
            default -> Severity.MEDIUM;
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
