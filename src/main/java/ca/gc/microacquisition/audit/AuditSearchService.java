package ca.gc.microacquisition.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches procurements for the audit views: by reference, requester, supplier, request dates and process state,
 * newest request first. Read-only; callers check {@link AuditAccess} first.
 */
public class AuditSearchService {

    private static final int MAX_RESULTS = 500;

    private final JdbcTemplate jdbc;
    private final ProcurementSummaries summaries;
    private final ZoneId zone;

    AuditSearchService(JdbcTemplate jdbc, ProcurementSummaries summaries, ZoneId zone) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.zone = zone;
    }

    /** Procurements matching the search, newest request first (at most 500). */
    public List<ProcurementSummary> search(AuditSearch search) {
        StringBuilder sql = new StringBuilder("""
                select %s from opportunity o where 1 = 1""".formatted(ProcurementSummaries.COLUMNS));
        List<Object> args = new ArrayList<>();
        if (hasText(search.reference())) {
            sql.append(" and lower(o.reference) like ?");
            args.add(like(search.reference()));
        }
        if (hasText(search.requester())) {
            sql.append(" and lower(o.requester) like ?");
            args.add(like(search.requester()));
        }
        if (hasText(search.supplier())) {
            sql.append(" and exists (select 1 from contract c join supplier s on s.id = c.supplier_id"
                    + " where c.opportunity_id = o.id and (lower(s.display_name) like ? or lower(s.email) like ?))");
            args.add(like(search.supplier()));
            args.add(like(search.supplier()));
        }
        if (search.from() != null) {
            sql.append(" and o.created_at >= ?");
            args.add(search.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (search.to() != null) {
            sql.append(" and o.created_at < ?");
            args.add(search.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        // The database stops at the first MAX_RESULTS rows (newest first, index on created_at) instead of sending the
        // whole history for this loop to drop: the same rows as before, at a cost that does not grow with the history.
        sql.append(" order by o.created_at desc, o.reference desc limit " + MAX_RESULTS);
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(
                sql.toString(),
                rs -> {
                    if (rows.size() < MAX_RESULTS) {
                        rows.add(ProcurementSummaries.row(rs));
                    }
                },
                args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> references =
                rows.stream().map(r -> (String) r.get("reference")).toList();
        Map<String, HistoricProcessInstance> instances = summaries.instancesByReference(references);
        Map<String, List<String>> suppliers = summaries.suppliersByReference(references);
        String state = search.state() == null ? "" : search.state().trim().toLowerCase(Locale.ROOT);
        List<ProcurementSummary> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String reference = (String) row.get("reference");
            HistoricProcessInstance instance = instances.get(reference);
            boolean finished = instance != null && instance.getEndTime() != null;
            if ((state.equals("running") && (instance == null || finished))
                    || (state.equals("finished") && !finished)) {
                continue;
            }
            result.add(ProcurementSummaries.summary(row, instance, suppliers.getOrDefault(reference, List.of())));
        }
        return result;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String like(String value) {
        return "%"
                + value.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }
}
