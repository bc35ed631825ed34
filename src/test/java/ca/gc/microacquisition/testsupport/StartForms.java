package ca.gc.microacquisition.testsupport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request form's variables as Tasklist submits them over the engine REST API ({@code {"name": {"value": …}}}):
 * a valid, eligible request of the demo team {@code team-digital}, due in three days.
 */
public final class StartForms {

    private StartForms() {}

    /** The {@code variables} of a request for the given repository and value (CAD, e.g. {@code "900.00"}). */
    public static Map<String, Object> requestVariables(String repositoryUrl, String estimatedValue) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("title", Map.of("value", "Add a French translation"));
        variables.put("summary", Map.of("value", "Translate the widget's interface into French."));
        variables.put(
                "workDescription", Map.of("value", "Translate src/messages.properties into messages_fr.properties."));
        variables.put("acceptanceCriteria", Map.of("value", "Every string is translated\nThe build passes"));
        variables.put("evaluationCriteria", Map.of("value", "Has translated software before\nCan start within a week"));
        variables.put("skills", Map.of("value", "French"));
        variables.put("estimatedValue", Map.of("value", estimatedValue));
        variables.put("securityClassification", Map.of("value", "UNCLASSIFIED"));
        variables.put("remoteWork", Map.of("value", true));
        variables.put("repositoryUrl", Map.of("value", repositoryUrl));
        variables.put("license", Map.of("value", "MIT"));
        variables.put("containsPersonalInformation", Map.of("value", false));
        variables.put(
                "proposalDeadline",
                Map.of(
                        "value",
                        OffsetDateTime.now(ZoneOffset.ofHours(-5))
                                .plusDays(3)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString()));
        variables.put("deliveryDays", Map.of("value", 10));
        variables.put("department", Map.of("value", "ESDC"));
        variables.put("team", Map.of("value", "team-digital"));
        return variables;
    }
}
