package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads SARIF 2.1 logs into {@link Finding}s, with the SARIF object model of {@code com.contrastsecurity:java-sarif}
 * ({@link SarifSchema210}); this class only maps results to findings.
 *
 * <p>Severity: a rule's {@code security-severity} property (a CVSS-like score, as GitHub code scanning uses it) maps
 * to CRITICAL (9 or more), HIGH (7 or more), MEDIUM (4 or more) or LOW. Without it, the result's level (or the rule's
 * default level, else SARIF's default {@code warning}) maps error to HIGH, warning to MEDIUM, note to LOW and none to
 * NOTE. The object model fills an absent result level with {@code warning}, so whether a result states its level is
 * read from the JSON itself.
 */
public final class SarifParser {

    /** Thrown when a file is not a readable SARIF 2.1 log. */
    public static class SarifFormatException extends Exception {
        public SarifFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Rules are a JSON array the model holds as a {@link Set}: keep their order, {@code ruleIndex} points into it. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class));

    private SarifParser() {}

    /** The findings of every run of the log. */
    public static List<Finding> findings(byte[] json) throws SarifFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new SarifFormatException("not valid SARIF JSON: " + firstLine(e.getMessage()), e);
        }
        String version = tree != null && tree.path("version").isTextual()
                ? tree.path("version").asText()
                : null;
        if (!(tree instanceof ObjectNode log) || version == null || !version.startsWith("2.1")) {
            throw new SarifFormatException(
                    "not a SARIF 2.1 log (version is " + (version == null ? "missing" : version) + ")", null);
        }
        ObjectNode withoutVersion = log.deepCopy();
        withoutVersion.remove("version"); // checked above; the model's enum knows "2.1.0" only
        SarifSchema210 sarif;
        try {
            sarif = MAPPER.treeToValue(withoutVersion, SarifSchema210.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SarifFormatException("not valid SARIF JSON: " + firstLine(e.getMessage()), e);
        }
        return findings(sarif, tree);
    }

    private static List<Finding> findings(SarifSchema210 log, JsonNode tree) {
        List<Finding> findings = new ArrayList<>();
        if (log.getRuns() == null) {
            return findings;
        }
        for (int r = 0; r < log.getRuns().size(); r++) {
            Run run = log.getRuns().get(r);
            if (run == null || run.getResults() == null) {
                continue;
            }
            ToolComponent driver = run.getTool() == null ? null : run.getTool().getDriver();
            String tool = driver == null || driver.getName() == null ? "SARIF" : driver.getName();
            List<ReportingDescriptor> rules =
                    driver == null || driver.getRules() == null ? List.of() : new ArrayList<>(driver.getRules());
            JsonNode resultNodes = tree.path("runs").path(r).path("results");
            for (int i = 0; i < run.getResults().size(); i++) {
                Result result = run.getResults().get(i);
                if (result != null) {
                    JsonNode level = resultNodes.path(i).get("level");
                    findings.add(toFinding(tool, rules, result, level == null ? null : level.asText()));
                }
            }
        }
        return findings;
    }

    private static Finding toFinding(String tool, List<ReportingDescriptor> rules, Result result, String statedLevel) {
        Optional<ReportingDescriptor> rule = ruleOf(rules, result);
        String ruleId = result.getRuleId() != null
                ? result.getRuleId()
                : rule.map(ReportingDescriptor::getId).orElse(null);
        Severity severity = rule.flatMap(SarifParser::securitySeverity)
                .map(SarifParser::fromScore)
                .orElseGet(() -> fromLevel(statedLevel != null ? statedLevel : defaultLevel(rule)));
        String message = result.getMessage() != null && result.getMessage().getText() != null
                ? result.getMessage().getText()
                : (ruleId == null ? "(no message)" : ruleId);
        String path = null;
        int line = 0;
        List<Location> locations = result.getLocations();
        if (locations != null && !locations.isEmpty() && locations.get(0) != null) {
            PhysicalLocation physical = locations.get(0).getPhysicalLocation();
            if (physical != null) {
                path = physical.getArtifactLocation() == null
                        ? null
                        : physical.getArtifactLocation().getUri();
                line = physical.getRegion() == null || physical.getRegion().getStartLine() == null
                        ? 0
                        : Math.max(0, physical.getRegion().getStartLine());
            }
        }
        return new Finding(tool, ruleId, severity, message, path, line);
    }

    private static Optional<ReportingDescriptor> ruleOf(List<ReportingDescriptor> rules, Result result) {
        Integer index = result.getRuleIndex();
        if (index != null && index >= 0 && index < rules.size()) {
            return Optional.ofNullable(rules.get(index));
        }
        if (result.getRuleId() == null) {
            return Optional.empty();
        }
        return rules.stream()
                .filter(r -> r != null && result.getRuleId().equals(r.getId()))
                .findFirst();
    }

    private static String defaultLevel(Optional<ReportingDescriptor> rule) {
        return rule.map(ReportingDescriptor::getDefaultConfiguration)
                .map(c -> c.getLevel() == null ? null : c.getLevel().value())
                .orElse("warning");
    }

    private static Optional<BigDecimal> securitySeverity(ReportingDescriptor rule) {
        PropertyBag bag = rule.getProperties();
        Map<String, Object> properties = bag == null ? null : bag.getAdditionalProperties();
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
