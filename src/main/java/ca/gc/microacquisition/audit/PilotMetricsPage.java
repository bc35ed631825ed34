package ca.gc.microacquisition.audit;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** The pilot metrics as a page for staff (the same numbers as the JSON). */
final class PilotMetricsPage {

    private PilotMetricsPage() {}

    static String html(PilotMetrics m) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pilot metrics</title><style>")
                .append(
                        "body{font-family:sans-serif;margin:1.5em;max-width:60em}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append(
                        "th,td{border:1px solid #999;padding:4px 8px;text-align:left}th{background:#eee}td.n{text-align:right}")
                .append("</style></head><body><h1>Micro-acquisition pilot metrics</h1>");
        h.append("<p>Requests made ")
                .append(m.from() == null ? "since the start" : "from " + m.from())
                .append(m.to() == null ? " to today" : " to " + m.to())
                .append(". <a href=\"metrics.json")
                .append(query(m))
                .append("\">JSON</a></p>");
        h.append("<form method=\"get\"><label>From <input type=\"date\" name=\"from\" value=\"")
                .append(m.from() == null ? "" : m.from())
                .append("\"></label> <label>To <input type=\"date\" name=\"to\" value=\"")
                .append(m.to() == null ? "" : m.to())
                .append("\"></label> <button>Show</button></form>");
        h.append("<h2>Requests, opportunities and suppliers</h2><table>");
        row(h, "Requests", m.requests());
        row(h, "Requests checked against the pilot's criteria", m.eligibilityChecked());
        row(h, "Requests meeting the criteria (share of those checked)", m.eligibleRequests() + pct(m.eligibleShare()));
        row(h, "Opportunities posted", m.opportunitiesPosted());
        row(h, "Proposals", m.proposals());
        row(h, "Proposals per posted opportunity", m.proposalsPerOpportunity());
        row(h, "Unique suppliers who proposed", m.uniqueSuppliers());
        row(h, "First-time suppliers (first proposal to the service)", m.firstTimeSuppliers());
        row(h, "Requests checked for contract splitting", m.splittingChecked());
        row(
                h,
                "Requests flagged for splitting (REVIEW or BLOCK)",
                m.splittingFlagged() + pct(m.splittingFlaggedShare()));
        row(h, "Contracts awarded", m.contractsAwarded());
        row(h, "Total value awarded (CAD, terminated contracts excluded)", m.totalAwardedValue());
        row(h, "Total paid (CAD)", m.totalPaidValue());
        h.append("</table><h2>Time from request</h2><table><tr><th>To</th><th>Requests</th><th>Median (days)</th>")
                .append("<th>90th percentile (days)</th></tr>");
        m.times()
                .forEach((name, d) -> h.append("<tr><td>")
                        .append(e(label(name)))
                        .append("</td><td class=\"n\">")
                        .append(d.count())
                        .append("</td><td class=\"n\">")
                        .append(v(d.medianDays()))
                        .append("</td><td class=\"n\">")
                        .append(v(d.p90Days()))
                        .append("</td></tr>"));
        h.append(
                "</table><h2>Voluntary self-identification (proposals; counts from 1 to 4 shown as &lt;5)</h2><table>");
        var s = m.selfIdentification();
        row(h, "Proposals with self-identification", s.proposalsWithSelfIdentification());
        cells(h, "First Government of Canada contract", s.firstGovernmentContract());
        cells(h, "Small business", s.smallBusiness());
        cells(h, "Freelancer", s.freelancer());
        cells(h, "Region", s.regions());
        cells(h, "Under-represented group", s.underRepresentedGroups());
        h.append("</table></body></html>");
        return h.toString();
    }

    private static String query(PilotMetrics m) {
        StringBuilder q = new StringBuilder();
        if (m.from() != null) {
            q.append("from=").append(m.from());
        }
        if (m.to() != null) {
            q.append(q.length() > 0 ? "&amp;" : "").append("to=").append(m.to());
        }
        return q.length() == 0 ? "" : "?" + q;
    }

    private static String label(String key) {
        return switch (key) {
            case "requestToPosting" -> "Posting";
            case "requestToAward" -> "Award";
            case "requestToAcceptance" -> "Acceptance of the work";
            case "requestToPayment" -> "Payment";
            default -> key;
        };
    }

    private static void cells(StringBuilder h, String title, Map<String, String> cells) {
        if (cells.isEmpty()) {
            row(h, title, "none");
        }
        cells.forEach((k, v) -> row(h, title + ": " + k, v));
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><th>")
                .append(e(label))
                .append("</th><td class=\"n\">")
                .append(e(v(value)))
                .append("</td></tr>");
    }

    private static String pct(Object share) {
        return share == null ? "" : " (" + share + "%)";
    }

    private static String v(Object value) {
        return value == null ? "–" : value.toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
