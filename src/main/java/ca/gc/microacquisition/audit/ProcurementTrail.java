package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything recorded about one procurement: what the engine's history holds (activities with who and when,
 * decisions with inputs, outputs and version, form submissions, user operations, incidents) and what the domain
 * tables hold (evaluations with their rationales, the random draw with its seed, contracts and payments).
 */
public record ProcurementTrail(
        ProcurementSummary summary,
        List<TimelineEntry> timeline,
        List<Activity> activities,
        List<Decision> decisions,
        List<FormSubmission> formSubmissions,
        List<Operation> operations,
        List<Incident> incidents,
        List<Evaluation> evaluations,
        List<DrawRecord> draws,
        List<ContractRecord> contracts,
        List<PaymentRecord> payments) {

    /** One line of the merged, time-ordered timeline; {@code kind} says which list holds the details. */
    public record TimelineEntry(OffsetDateTime at, String kind, String what, String who, String detail) {}

    public record Activity(
            String activityId,
            String name,
            String type,
            String who,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            boolean canceled,
            String taskId) {}

    public record NamedValue(String name, String value) {}

    public record Decision(
            String decisionKey,
            String decisionName,
            Integer version,
            String decisionDefinitionId,
            String activityId,
            OffsetDateTime evaluatedAt,
            List<NamedValue> inputs,
            List<DecisionOutput> outputs) {}

    public record DecisionOutput(String ruleId, Integer ruleOrder, String name, String value) {}

    public record FormSubmission(
            String form, String taskId, String submittedBy, OffsetDateTime submittedAt, List<NamedValue> values) {}

    public record Operation(
            OffsetDateTime at,
            String user,
            String operationType,
            String entityType,
            String category,
            String property,
            String orgValue,
            String newValue,
            String taskId) {}

    public record Incident(
            String type,
            String message,
            String activityId,
            OffsetDateTime createdAt,
            OffsetDateTime endedAt,
            String state) {}

    public record Evaluation(
            String proposalLabel,
            String criterionId,
            String criterionText,
            String result,
            String rationale,
            String evaluator,
            OffsetDateTime evaluatedAt) {}

    /**
     * A recorded draw: the passing proposals in label order, the seed, and the order drawn (winner first). The seed
     * is a 64-bit integer written as text, so that JavaScript and spreadsheets do not round it.
     */
    public record DrawRecord(
            String seed,
            String algorithm,
            OffsetDateTime drawnAt,
            List<String> inputLabels,
            List<String> orderLabels,
            List<String> inputProposalIds,
            List<String> orderedProposalIds,
            boolean replayMatches) {}

    public record ContractRecord(
            String contractId,
            String supplier,
            String proposalLabel,
            BigDecimal price,
            String currency,
            String licence,
            String termsVersion,
            OffsetDateTime awardedAt,
            OffsetDateTime dueDate,
            String status,
            OffsetDateTime acceptedAt,
            String acceptedBy,
            OffsetDateTime terminatedAt,
            String terminationReason) {}

    public record PaymentRecord(
            String contractId,
            int attempt,
            BigDecimal amount,
            String currency,
            String status,
            String paymentMethod,
            String providerReference,
            String declineCode,
            String message,
            String recordedBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
