package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one-line summary of procurements that the search and the trail share: the opportunity row, its process
 * instance and its suppliers.
 */
final class ProcurementSummaries {

    /** The opportunity's columns a summary is made of (table alias {@code o}), read by {@link #row}. */
    static final String COLUMNS =
            "o.reference, o.title, o.requester, o.department, o.team, o.price, o.status," + " o.created_at";

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;

    ProcurementSummaries(ProcessEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** The latest process instance of each reference (business key), by reference. */
    Map<String, HistoricProcessInstance> instancesByReference(List<String> references) {
        Map<String, HistoricProcessInstance> byReference = new HashMap<>();
        for (int i = 0; i < references.size(); i += 100) {
            List<String> chunk = references.subList(i, Math.min(references.size(), i + 100));
            engine.getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(AuditRows.PROCESS_KEY)
                    .processInstanceBusinessKeyIn(chunk.toArray(String[]::new))
                    .list()
                    .forEach(instance -> byReference.merge(
                            instance.getBusinessKey(),
                            instance,
                            (a, b) -> a.getStartTime().after(b.getStartTime()) ? a : b));
        }
        return byReference;
    }

    /** The awarded suppliers' display names of each reference, in award order. */
    Map<String, List<String>> suppliersByReference(List<String> references) {
        Map<String, List<String>> byReference = new HashMap<>();
        for (int i = 0; i < references.size(); i += 100) {
            List<String> chunk = references.subList(i, Math.min(references.size(), i + 100));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query(
                    "select o.reference, s.display_name from contract c join opportunity o on o.id = c.opportunity_id"
                            + " join supplier s on s.id = c.supplier_id where o.reference in (" + marks + ")"
                            + " order by c.awarded_at",
                    rs -> {
                        byReference
                                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    },
                    chunk.toArray());
        }
        return byReference;
    }

    /** The {@link #COLUMNS} of the current row, by column name. */
    static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        row.put("reference", rs.getString("reference"));
        row.put("title", rs.getString("title"));
        row.put("requester", rs.getString("requester"));
        row.put("department", rs.getString("department"));
        row.put("team", rs.getString("team"));
        row.put("price", rs.getBigDecimal("price"));
        row.put("status", rs.getString("status"));
        row.put("created_at", AuditRows.time(rs, "created_at"));
        return row;
    }

    static ProcurementSummary summary(
            Map<String, Object> row, HistoricProcessInstance instance, List<String> suppliers) {
        return new ProcurementSummary(
                (String) row.get("reference"),
                instance == null ? null : instance.getId(),
                instance == null ? "UNKNOWN" : instance.getState(),
                (String) row.get("title"),
                (String) row.get("requester"),
                (String) row.get("department"),
                (String) row.get("team"),
                (BigDecimal) row.get("price"),
                (String) row.get("status"),
                suppliers,
                (OffsetDateTime) row.get("created_at"),
                instance == null ? null : AuditRows.utc(instance.getStartTime()),
                instance == null ? null : AuditRows.utc(instance.getEndTime()));
    }
}
