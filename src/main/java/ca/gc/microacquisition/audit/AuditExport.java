package ca.gc.microacquisition.audit;

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
import ca.gc.microacquisition.common.Csv;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.springframework.web.util.HtmlUtils;

/**
 * Audit exports of one or more procurement trails: CSV (one fact per row, RFC 4180, UTF-8) and a printable HTML
 * page. JSON is the {@link ProcurementTrail} itself. docs/auditor-guide.md explains every column.
 */
public class AuditExport {

    /** The CSV header; one row per recorded fact. */
    public static final List<String> CSV_HEADER =
            List.of("reference", "section", "at", "who", "item", "name", "value", "detail");

    private final ZoneId zone;

    public AuditExport(ZoneId zone) {
        this.zone = zone;
    }

    public String csv(List<ProcurementTrail> trails) {
        Csv csv = new Csv().row(CSV_HEADER);
        for (ProcurementTrail trail : trails) {
            String ref = trail.summary().reference();
            var s = trail.summary();
            csv.row(ref, "SUMMARY", s.requestedAt(), s.requester(), "request", "title", s.title(), null);
            csv.row(ref, "SUMMARY", s.requestedAt(), s.requester(), "request", "department", s.department(), null);
            csv.row(ref, "SUMMARY", s.requestedAt(), s.requester(), "request", "team", s.team(), null);
            csv.row(ref, "SUMMARY", s.requestedAt(), s.requester(), "request", "value", s.value(), "CAD");
            csv.row(ref, "SUMMARY", s.startedAt(), null, "process", "processInstanceId", s.processInstanceId(), null);
            csv.row(ref, "SUMMARY", s.endedAt(), null, "process", "state", s.state(), s.opportunityStatus());
            for (var a : trail.activities()) {
                csv.row(
                        ref,
                        "ACTIVITY",
                        a.startedAt(),
                        a.who(),
                        a.activityId(),
                        a.name(),
                        a.endedAt(),
                        a.type() + (a.canceled() ? " (cancelled)" : a.endedAt() == null ? " (open)" : ""));
            }
            for (Decision d : trail.decisions()) {
                String item = d.decisionKey() + " v" + d.version() + " at " + d.activityId();
                for (NamedValue input : d.inputs()) {
                    csv.row(
                            ref,
                            "DECISION_INPUT",
                            d.evaluatedAt(),
                            null,
                            item,
                            input.name(),
                            input.value(),
                            d.decisionDefinitionId());
                }
                if (d.outputs().isEmpty()) {
                    csv.row(ref, "DECISION_OUTPUT", d.evaluatedAt(), null, item, null, null, "no rule matched");
                }
                for (DecisionOutput output : d.outputs()) {
                    csv.row(
                            ref,
                            "DECISION_OUTPUT",
                            d.evaluatedAt(),
                            null,
                            item,
                            output.name(),
                            output.value(),
                            "rule " + output.ruleId());
                }
            }
            for (FormSubmission f : trail.formSubmissions()) {
                for (NamedValue value : f.values()) {
                    csv.row(
                            ref,
                            "FORM",
                            f.submittedAt(),
                            f.submittedBy(),
                            f.form(),
                            value.name(),
                            value.value(),
                            f.taskId());
                }
            }
            for (Operation o : trail.operations()) {
                csv.row(
                        ref,
                        "OPERATION",
                        o.at(),
                        o.user(),
                        o.operationType() + " " + o.entityType(),
                        o.property(),
                        o.newValue(),
                        o.orgValue() == null ? o.category() : "was: " + o.orgValue());
            }
            for (Incident i : trail.incidents()) {
                csv.row(ref, "INCIDENT", i.createdAt(), null, i.type(), i.activityId(), i.state(), i.message());
            }
            for (Evaluation e : trail.evaluations()) {
                csv.row(
                        ref,
                        "EVALUATION",
                        e.evaluatedAt(),
                        e.evaluator(),
                        e.proposalLabel(),
                        e.criterionId() + ": " + Objects.toString(e.criterionText(), ""),
                        e.result(),
                        e.rationale());
            }
            for (DrawRecord d : trail.draws()) {
                csv.row(ref, "DRAW", d.drawnAt(), null, "draw", "seed", d.seed(), d.algorithm());
                csv.row(
                        ref,
                        "DRAW",
                        d.drawnAt(),
                        null,
                        "draw",
                        "passing proposals in label order",
                        String.join(" ", d.inputLabels()),
                        String.join(" ", d.inputProposalIds()));
                csv.row(
                        ref,
                        "DRAW",
                        d.drawnAt(),
                        null,
                        "draw",
                        "drawn order (winner first)",
                        String.join(" ", d.orderLabels()),
                        String.join(" ", d.orderedProposalIds()));
                csv.row(ref, "DRAW", d.drawnAt(), null, "draw", "replay gives the same order", d.replayMatches(), null);
            }
            for (ContractRecord c : trail.contracts()) {
                csv.row(
                        ref,
                        "CONTRACT",
                        c.awardedAt(),
                        null,
                        c.contractId(),
                        "supplier",
                        c.supplier(),
                        c.proposalLabel());
                csv.row(ref, "CONTRACT", c.awardedAt(), null, c.contractId(), "price", c.price(), c.currency());
                csv.row(ref, "CONTRACT", c.awardedAt(), null, c.contractId(), "dueDate", c.dueDate(), null);
                csv.row(
                        ref,
                        "CONTRACT",
                        c.awardedAt(),
                        null,
                        c.contractId(),
                        "licence",
                        c.licence(),
                        "terms " + c.termsVersion());
                csv.row(
                        ref,
                        "CONTRACT",
                        c.acceptedAt(),
                        c.acceptedBy(),
                        c.contractId(),
                        "status",
                        c.status(),
                        c.terminationReason());
            }
            for (PaymentRecord p : trail.payments()) {
                csv.row(
                        ref,
                        "PAYMENT",
                        p.createdAt(),
                        p.recordedBy(),
                        "attempt " + p.attempt(),
                        p.status(),
                        p.amount() + " " + p.currency(),
                        join(" | ", p.paymentMethod(), p.providerReference(), p.declineCode(), p.message()));
            }
        }
        return csv.toString();
    }

    /** A printable page with the whole trail of one procurement. */
    public String html(ProcurementTrail trail) {
        var s = trail.summary();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Audit trail ")
                .append(e(s.reference()))
                .append("</title><style>")
                .append(
                        "body{font-family:sans-serif;font-size:12px;margin:1.5em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}")
                .append(
                        "th,td{border:1px solid #999;padding:3px 5px;text-align:left;vertical-align:top}th{background:#eee}")
                .append("h1{font-size:18px}h2{font-size:15px;margin-top:1.5em}@media print{h2{page-break-after:avoid}}")
                .append("</style></head><body>");
        h.append("<h1>Audit trail of ")
                .append(e(s.reference()))
                .append(": ")
                .append(e(s.title()))
                .append("</h1>");
        h.append("<p>Requested by ")
                .append(e(s.requester()))
                .append(" (")
                .append(e(s.department()))
                .append(", ")
                .append(e(s.team()))
                .append(") on ")
                .append(e(show(s.requestedAt())))
                .append("; value ")
                .append(e(String.valueOf(s.value())))
                .append(" CAD; process ")
                .append(e(s.state()))
                .append("; request ")
                .append(e(s.opportunityStatus()))
                .append(". Times in ")
                .append(e(zone.getId()))
                .append(".</p>");
        table(
                h,
                "Timeline",
                List.of("When", "Kind", "What", "Who", "Detail"),
                trail.timeline().stream()
                        .map(t -> r(show(t.at()), t.kind(), t.what(), t.who(), t.detail()))
                        .toList());
        table(
                h,
                "Decisions",
                List.of("When", "Decision", "Version", "At", "Inputs", "Outputs"),
                trail.decisions().stream()
                        .map(d -> r(
                                show(d.evaluatedAt()),
                                d.decisionKey(),
                                String.valueOf(d.version()),
                                d.activityId(),
                                d.inputs().stream()
                                        .map(i -> i.name() + " = " + i.value())
                                        .reduce((a, b) -> a + "\n" + b)
                                        .orElse(""),
                                d.outputs().isEmpty()
                                        ? "no rule matched"
                                        : d.outputs().stream()
                                                .map(o -> o.name() + " = " + o.value() + " (rule " + o.ruleId() + ")")
                                                .reduce((a, b) -> a + "\n" + b)
                                                .orElse("")))
                        .toList());
        table(
                h,
                "Form submissions",
                List.of("When", "Who", "Form", "Values"),
                trail.formSubmissions().stream()
                        .map(f -> r(
                                show(f.submittedAt()),
                                f.submittedBy(),
                                f.form(),
                                f.values().stream()
                                        .map(v -> v.name() + " = " + v.value())
                                        .reduce((a, b) -> a + "\n" + b)
                                        .orElse("")))
                        .toList());
        table(
                h,
                "User operations",
                List.of("When", "Who", "Operation", "Property", "Old value", "New value"),
                trail.operations().stream()
                        .map(o -> r(
                                show(o.at()),
                                o.user(),
                                o.operationType() + " " + o.entityType(),
                                o.property(),
                                o.orgValue(),
                                o.newValue()))
                        .toList());
        table(
                h,
                "Incidents",
                List.of("Created", "Type", "Activity", "State", "Message"),
                trail.incidents().stream()
                        .map(i -> r(show(i.createdAt()), i.type(), i.activityId(), i.state(), i.message()))
                        .toList());
        table(
                h,
                "Evaluation (pass/fail with rationale)",
                List.of("Proposal", "Criterion", "Result", "Rationale", "Evaluator", "When"),
                trail.evaluations().stream()
                        .map(v -> r(
                                v.proposalLabel(),
                                v.criterionId() + ": " + Objects.toString(v.criterionText(), ""),
                                v.result(),
                                v.rationale(),
                                v.evaluator(),
                                show(v.evaluatedAt())))
                        .toList());
        table(
                h,
                "Random draw",
                List.of(
                        "When",
                        "Seed",
                        "Passing proposals (label order)",
                        "Drawn order (winner first)",
                        "Replay gives the same order",
                        "Algorithm"),
                trail.draws().stream()
                        .map(d -> r(
                                show(d.drawnAt()),
                                String.valueOf(d.seed()),
                                String.join(" ", d.inputLabels()),
                                String.join(" ", d.orderLabels()),
                                d.replayMatches() ? "yes" : "NO",
                                d.algorithm()))
                        .toList());
        table(
                h,
                "Contracts",
                List.of("Awarded", "Supplier", "Proposal", "Price", "Due", "Status", "Accepted"),
                trail.contracts().stream()
                        .map(c -> r(
                                show(c.awardedAt()),
                                c.supplier(),
                                c.proposalLabel(),
                                c.price() + " " + c.currency(),
                                show(c.dueDate()),
                                c.status() + (c.terminationReason() == null ? "" : ": " + c.terminationReason()),
                                c.acceptedAt() == null ? "" : show(c.acceptedAt()) + " by " + c.acceptedBy()))
                        .toList());
        table(
                h,
                "Payments",
                List.of("When", "Attempt", "Status", "Amount", "Card", "Reference", "Message", "Recorded by"),
                trail.payments().stream()
                        .map(p -> r(
                                show(p.createdAt()),
                                String.valueOf(p.attempt()),
                                p.status(),
                                p.amount() + " " + p.currency(),
                                p.paymentMethod(),
                                p.providerReference(),
                                join(" ", p.declineCode(), p.message()),
                                p.recordedBy()))
                        .toList());
        h.append("</body></html>");
        return h.toString();
    }

    private void table(StringBuilder h, String title, List<String> header, List<List<String>> rows) {
        h.append("<h2>").append(e(title)).append("</h2>");
        if (rows.isEmpty()) {
            h.append("<p>None recorded.</p>");
            return;
        }
        h.append("<table><thead><tr>");
        header.forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(e(c).replace("\n", "<br>")).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private String show(OffsetDateTime time) {
        return time == null
                ? ""
                : time.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private static List<String> r(String... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static String join(String separator, String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .reduce((a, b) -> a + separator + b)
                .orElse(null);
    }
}
