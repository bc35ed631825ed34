package ca.gc.microacquisition.adapters.repositoryhost.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a SARIF 2.1 log (Static Analysis Results Interchange Format, OASIS) that QA needs: for each run, the
 * tool, its rules and the results with their first location. Everything else in the file is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SarifLog(String version, List<Run> runs) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(Tool tool, List<Result> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tool(Driver driver) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Driver(String name, List<Rule> rules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String id, Configuration defaultConfiguration, Map<String, Object> properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Configuration(String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String ruleId, Integer ruleIndex, String level, Message message, List<Location> locations,
                         Map<String, Object> properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(PhysicalLocation physicalLocation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArtifactLocation(String uri) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(Integer startLine) {
    }
}
