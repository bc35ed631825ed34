package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.audit.ProcurementTrail.Activity;
import ca.gc.microacquisition.audit.ProcurementTrail.ContractRecord;
import ca.gc.microacquisition.audit.ProcurementTrail.Decision;
import ca.gc.microacquisition.audit.ProcurementTrail.DecisionOutput;
import ca.gc.microacquisition.audit.ProcurementTrail.DrawRecord;
import ca.gc.microacquisition.audit.ProcurementTrail.Evaluation;
import ca.gc.microacquisition.audit.ProcurementTrail.FormSubmission;
import ca.gc.microacquisition.audit.ProcurementTrail.Incident;
import ca.gc.microacquisition.audit.ProcurementTrail.NamedValue;
import ca.gc.microacquisition.audit.ProcurementTrail.Operation;
import ca.gc.microacquisition.audit.ProcurementTrail.PaymentRecord;
import ca.gc.microacquisition.audit.ProcurementTrail.TimelineEntry;
import ca.gc.microacquisition.payment.PaymentToken;
import ca.gc.microacquisition.proposal.Draw;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the audit trail of one procurement from the engine's history (full history level) and the domain tables.
 * Read-only. The engine's authorization checks apply to the history queries when a user is authenticated on the
 * engine (the Cockpit plugin runs as the signed-in user); callers check {@link AuditAccess} first.
 */
public class AuditTrailService {

    private static final int MAX_VALUE_LENGTH = 4000;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final ProcurementSummaries summaries;

    AuditTrailService(ProcessEngine engine, JdbcTemplate jdbc, ProcurementSummaries summaries) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    /** The full trail of the procurement with this reference, or null when there is none. */
    public ProcurementTrail trail(String reference) {
        Map<String, Object> row = opportunityRow(reference);
        if (row == null) {
            return null;
        }
        HistoricProcessInstance instance =
                summaries.instancesByReference(List.of(reference)).get(reference);
        ProcurementSummary summary = ProcurementSummaries.summary(
                row,
                instance,
                summaries.suppliersByReference(List.of(reference)).getOrDefault(reference, List.of()));
        UUID opportunityId = (UUID) row.get("id");

        List<Operation> operations = instance == null ? List.of() : operations(instance.getId());
        Map<String, String> completedBy = new HashMap<>();
        for (UserOperationLogEntry entry : operationEntries(instance)) {
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
                    && entry.getTaskId() != null) {
                completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
            }
        }
        List<Activity> activities = instance == null ? List.of() : activities(instance, completedBy);
        List<Decision> decisions = instance == null ? List.of() : decisions(instance.getId());
        List<FormSubmission> forms = instance == null ? List.of() : formSubmissions(instance, activities);
        List<Incident> incidents = instance == null ? List.of() : incidents(instance.getId());
        Map<UUID, String> labels = proposalLabels(opportunityId);
        List<Evaluation> evaluations = evaluations(opportunityId);
        List<DrawRecord> draws = draws(opportunityId, labels);
        List<ContractRecord> contracts = contracts(opportunityId, labels);
        List<PaymentRecord> payments = payments(opportunityId);

        List<TimelineEntry> timeline = new ArrayList<>();
        for (Activity a : activities) {
            timeline.add(new TimelineEntry(
                    a.startedAt(),
                    "ACTIVITY",
                    label(a.name(), a.activityId()),
                    a.who(),
                    a.type() + (a.endedAt() == null ? " (open)" : a.canceled() ? " (cancelled)" : "")));
        }
        for (Decision d : decisions) {
            timeline.add(new TimelineEntry(
                    d.evaluatedAt(),
                    "DECISION",
                    d.decisionKey() + " v" + d.version(),
                    null,
                    d.outputs().isEmpty()
                            ? "no rule matched"
                            : d.outputs().size() + " output value(s) from "
                                    + d.outputs().stream()
                                            .map(DecisionOutput::ruleId)
                                            .distinct()
                                            .count() + " rule(s)"));
        }
        for (FormSubmission f : forms) {
            timeline.add(new TimelineEntry(
                    f.submittedAt(),
                    "FORM",
                    f.form(),
                    f.submittedBy(),
                    f.values().stream()
                            .map(NamedValue::name)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")));
        }
        for (Operation o : operations) {
            timeline.add(new TimelineEntry(
                    o.at(),
                    "OPERATION",
                    o.operationType() + " " + o.entityType(),
                    o.user(),
                    o.property() == null
                            ? ""
                            : o.property() + ": " + Objects.toString(o.orgValue(), "") + " → "
                                    + Objects.toString(o.newValue(), "")));
        }
        for (Incident i : incidents) {
            timeline.add(new TimelineEntry(
                    i.createdAt(),
                    "INCIDENT",
                    i.type() + " at " + i.activityId(),
                    null,
                    i.state() + ": " + Objects.toString(i.message(), "")));
        }
        for (PaymentRecord p : payments) {
            timeline.add(new TimelineEntry(
                    p.createdAt(),
                    "PAYMENT",
                    "Payment attempt " + p.attempt(),
                    p.recordedBy(),
                    p.status() + " " + p.amount() + " " + p.currency()));
            if ("REFUNDED".equals(p.status())) {
                timeline.add(new TimelineEntry(
                        p.updatedAt(),
                        "REFUND",
                        "Payment attempt " + p.attempt() + " refunded",
                        p.recordedBy(),
                        p.message()));
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new ProcurementTrail(
                summary,
                timeline,
                activities,
                decisions,
                forms,
                operations,
                incidents,
                evaluations,
                draws,
                contracts,
                payments);
    }

    private Map<String, Object> opportunityRow(String reference) {
        List<Map<String, Object>> rows = jdbc.query(
                """
                select o.id, %s from opportunity o where o.reference = ?""".formatted(ProcurementSummaries.COLUMNS),
                (rs, n) -> {
                    Map<String, Object> row = ProcurementSummaries.row(rs);
                    row.put("id", AuditRows.uuid(rs, "id"));
                    return row;
                },
                reference);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Activity> activities(HistoricProcessInstance instance, Map<String, String> completedBy) {
        List<Activity> activities = new ArrayList<>();
        for (HistoricActivityInstance a : engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
            String who;
            if (a.getTaskId() != null) {
                who = completedBy.getOrDefault(a.getTaskId(), a.getAssignee());
            } else if ("startEvent".equals(a.getActivityType())
                    && instance.getId().equals(a.getParentActivityInstanceId())) {
                who = instance.getStartUserId();
            } else {
                who = null;
            }
            activities.add(new Activity(
                    a.getActivityId(),
                    a.getActivityName(),
                    a.getActivityType(),
                    who,
                    AuditRows.utc(a.getStartTime()),
                    AuditRows.utc(a.getEndTime()),
                    a.isCanceled(),
                    a.getTaskId()));
        }
        return activities;
    }

    private List<Decision> decisions(String processInstanceId) {
        List<HistoricDecisionInstance> instances = engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId)
                .includeInputs()
                .includeOutputs()
                .orderByEvaluationTime()
                .asc()
                .list();
        Map<String, DecisionDefinition> definitions = new HashMap<>();
        List<String> ids = instances.stream()
                .map(HistoricDecisionInstance::getDecisionDefinitionId)
                .distinct()
                .toList();
        if (!ids.isEmpty()) {
            engine.getRepositoryService()
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionIdIn(ids.toArray(String[]::new))
                    .list()
                    .forEach(d -> definitions.put(d.getId(), d));
        }
        List<Decision> decisions = new ArrayList<>();
        for (HistoricDecisionInstance d : instances) {
            DecisionDefinition definition = definitions.get(d.getDecisionDefinitionId());
            List<NamedValue> inputs = d.getInputs().stream()
                    .map(i -> new NamedValue(label(i.getClauseName(), i.getClauseId()), text(safeValue(i::getValue))))
                    .toList();
            List<DecisionOutput> outputs = d.getOutputs().stream()
                    .map(o -> new DecisionOutput(
                            o.getRuleId(),
                            o.getRuleOrder(),
                            label(o.getVariableName(), o.getClauseName()),
                            text(safeValue(o::getValue))))
                    .toList();
            decisions.add(new Decision(
                    d.getDecisionDefinitionKey(),
                    d.getDecisionDefinitionName(),
                    definition == null
                            ? versionFromId(d.getDecisionDefinitionId())
                            : Integer.valueOf(definition.getVersion()),
                    d.getDecisionDefinitionId(),
                    d.getActivityId(),
                    AuditRows.utc(d.getEvaluationTime()),
                    inputs,
                    outputs));
        }
        return decisions;
    }

    /** Variable updates grouped by the user operation (task completion, start) that made them. */
    private List<FormSubmission> formSubmissions(HistoricProcessInstance instance, List<Activity> activities) {
        Map<String, UserOperationLogEntry> operationsById = new HashMap<>();
        for (UserOperationLogEntry entry : operationEntries(instance)) {
            operationsById.putIfAbsent(entry.getOperationId(), entry);
        }
        Map<String, Activity> tasks = new HashMap<>();
        activities.stream().filter(a -> a.taskId() != null).forEach(a -> tasks.put(a.taskId(), a));
        Map<String, FormSubmission> submissions = new LinkedHashMap<>();
        for (HistoricDetail detail : engine.getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .disableCustomObjectDeserialization()
                .orderByTime()
                .asc()
                .list()) {
            if (!(detail instanceof HistoricVariableUpdate update) || detail.getUserOperationId() == null) {
                continue;
            }
            UserOperationLogEntry operation = operationsById.get(detail.getUserOperationId());
            if (operation == null) {
                continue;
            }
            String form;
            if (operation.getTaskId() != null) {
                Activity task = tasks.get(operation.getTaskId());
                form = task == null
                        ? "Task " + operation.getTaskId()
                        : label(task.name(), task.activityId()) + " (" + task.activityId() + ")";
            } else if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation.getOperationType())) {
                form = "Request form (start)";
            } else {
                form = operation.getOperationType() + " " + operation.getEntityType();
            }
            FormSubmission submission = submissions.computeIfAbsent(
                    detail.getUserOperationId(),
                    id -> new FormSubmission(
                            form,
                            operation.getTaskId(),
                            operation.getUserId(),
                            AuditRows.utc(operation.getTimestamp()),
                            new ArrayList<>()));
            submission.values().add(new NamedValue(update.getVariableName(), text(variableValue(update))));
        }
        return List.copyOf(submissions.values());
    }

    private List<UserOperationLogEntry> operationEntries(HistoricProcessInstance instance) {
        if (instance == null) {
            return List.of();
        }
        return engine.getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(instance.getId())
                .orderByTimestamp()
                .asc()
                .list();
    }

    private List<Operation> operations(String processInstanceId) {
        return engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .orderByTimestamp()
                .asc()
                .list()
                .stream()
                .map(e -> new Operation(
                        AuditRows.utc(e.getTimestamp()),
                        e.getUserId(),
                        e.getOperationType(),
                        e.getEntityType(),
                        e.getCategory(),
                        e.getProperty(),
                        e.getOrgValue(),
                        e.getNewValue(),
                        e.getTaskId()))
                .toList();
    }

    private List<Incident> incidents(String processInstanceId) {
        List<Incident> incidents = new ArrayList<>();
        for (HistoricIncident i : engine.getHistoryService()
                .createHistoricIncidentQuery()
                .processInstanceId(processInstanceId)
                .orderByCreateTime()
                .asc()
                .list()) {
            String state = i.isOpen() ? "OPEN" : i.isResolved() ? "RESOLVED" : "DELETED";
            incidents.add(new Incident(
                    i.getIncidentType(),
                    i.getIncidentMessage(),
                    i.getActivityId(),
                    AuditRows.utc(i.getCreateTime()),
                    AuditRows.utc(i.getEndTime()),
                    state));
        }
        return incidents;
    }

    // ------------------------------------------------------------------ domain tables

    private Map<UUID, String> proposalLabels(UUID opportunityId) {
        Map<UUID, String> labels = new HashMap<>();
        jdbc.query(
                "select id, label from proposal where opportunity_id = ?",
                rs -> {
                    labels.put(AuditRows.uuid(rs, "id"), rs.getString("label"));
                },
                opportunityId);
        return labels;
    }

    private List<Evaluation> evaluations(UUID opportunityId) {
        return jdbc.query(
                """
                select p.label, e.criterion_id, c.criterion_text, e.passed, e.rationale, e.evaluator, e.evaluated_at
                from proposal_evaluation e join proposal p on p.id = e.proposal_id
                left join opportunity_criterion c on c.opportunity_id = p.opportunity_id and c.criterion_id = e.criterion_id
                where p.opportunity_id = ? order by p.sequence_number, c.position, e.criterion_id""",
                (rs, n) -> new Evaluation(
                        rs.getString("label"),
                        rs.getString("criterion_id"),
                        rs.getString("criterion_text"),
                        rs.getBoolean("passed") ? "PASS" : "FAIL",
                        rs.getString("rationale"),
                        rs.getString("evaluator"),
                        AuditRows.time(rs, "evaluated_at")),
                opportunityId);
    }

    private List<DrawRecord> draws(UUID opportunityId, Map<UUID, String> labels) {
        return jdbc.query(
                """
                select seed, algorithm, input_proposal_ids, ordered_proposal_ids, drawn_at
                from proposal_draw where opportunity_id = ? order by drawn_at""",
                (rs, n) -> {
                    List<UUID> input = ids(rs.getString("input_proposal_ids"));
                    List<UUID> order = ids(rs.getString("ordered_proposal_ids"));
                    long seed = rs.getLong("seed");
                    return new DrawRecord(
                            Long.toString(seed),
                            rs.getString("algorithm"),
                            AuditRows.time(rs, "drawn_at"),
                            input.stream()
                                    .map(id -> labels.getOrDefault(id, id.toString()))
                                    .toList(),
                            order.stream()
                                    .map(id -> labels.getOrDefault(id, id.toString()))
                                    .toList(),
                            input.stream().map(UUID::toString).toList(),
                            order.stream().map(UUID::toString).toList(),
                            Draw.replay(input, seed).equals(order));
                },
                opportunityId);
    }

    private List<ContractRecord> contracts(UUID opportunityId, Map<UUID, String> labels) {
        return jdbc.query(
                """
                select c.id, s.display_name, c.proposal_id, c.price, c.currency, c.licence, c.terms_version,
                       c.awarded_at, c.due_date, c.status, c.accepted_at, c.accepted_by, c.terminated_at,
                       c.termination_reason
                from contract c join supplier s on s.id = c.supplier_id
                where c.opportunity_id = ? order by c.awarded_at""",
                (rs, n) -> new ContractRecord(
                        rs.getString("id"),
                        rs.getString("display_name"),
                        labels.get(AuditRows.uuid(rs, "proposal_id")),
                        rs.getBigDecimal("price"),
                        rs.getString("currency"),
                        rs.getString("licence"),
                        rs.getString("terms_version"),
                        AuditRows.time(rs, "awarded_at"),
                        AuditRows.time(rs, "due_date"),
                        rs.getString("status"),
                        AuditRows.time(rs, "accepted_at"),
                        rs.getString("accepted_by"),
                        AuditRows.time(rs, "terminated_at"),
                        rs.getString("termination_reason")),
                opportunityId);
    }

    private List<PaymentRecord> payments(UUID opportunityId) {
        return jdbc.query(
                """
                select p.contract_id, p.attempt, p.amount, p.currency, p.status, p.payment_method,
                       p.provider_reference, p.decline_code, p.message, p.recorded_by, p.created_at, p.updated_at
                from payment p join contract c on c.id = p.contract_id
                where c.opportunity_id = ? order by p.created_at, p.attempt""",
                (rs, n) -> new PaymentRecord(
                        rs.getString("contract_id"),
                        rs.getInt("attempt"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getString("status"),
                        PaymentToken.mask(rs.getString("payment_method")),
                        rs.getString("provider_reference"),
                        rs.getString("decline_code"),
                        rs.getString("message"),
                        rs.getString("recorded_by"),
                        AuditRows.time(rs, "created_at"),
                        AuditRows.time(rs, "updated_at")),
                opportunityId);
    }

    private static Object variableValue(HistoricVariableUpdate update) {
        try {
            var typed = update.getTypedValue();
            if (typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable
                    && !serializable.isDeserialized()) {
                return serializable.getValueSerialized();
            }
            return typed == null ? null : typed.getValue();
        } catch (RuntimeException e) {
            return update.getErrorMessage() != null ? "(unreadable: " + update.getErrorMessage() + ")" : "(unreadable)";
        }
    }

    private static Object safeValue(java.util.function.Supplier<Object> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Date d ? AuditRows.utc(d).toString() : value.toString();
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
    }

    private static Integer versionFromId(String decisionDefinitionId) {
        String[] parts = decisionDefinitionId == null ? new String[0] : decisionDefinitionId.split(":");
        try {
            return parts.length >= 2 ? Integer.valueOf(parts[1]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String label(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static List<UUID> ids(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : java.util.Arrays.stream(joined.split(","))
                        .map(UUID::fromString)
                        .toList();
    }
}
