package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.common.Csv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finance's reconciliation of the card payments: per contract, the funds commitment (financial coding, who
 * committed, when), the contract's value, and every money movement — charge attempts, refunds, payments made
 * another way — with the processor's ids and the idempotency key, in a period. The layout (CSV columns and JSON
 * fields) is documented in docs/auditor-guide.md ("Finance reconciliation"); it changes only by adding columns.
 */
@Component
public class FinanceReconciliation {

    /** CSV columns, one row per money movement. */
    public static final List<String> COLUMNS = List.of(
            "reference",
            "contract_id",
            "supplier",
            "test_opportunity",
            "financial_coding",
            "committed_by",
            "committed_at",
            "contract_value",
            "currency",
            "entry",
            "attempt",
            "amount",
            "status",
            "processor_reference",
            "idempotency_key",
            "entry_at",
            "recorded_by",
            "note");

    /**
     * One money movement. {@code entry} is CHARGE (a card charge attempt; SUCCEEDED, DECLINED or PENDING),
     * REFUND (negative amount) or MANUAL (paid another way, e.g. PayPal; the reference finance recorded).
     */
    public record Entry(
            String entry,
            int attempt,
            BigDecimal amount,
            String status,
            String processorReference,
            String idempotencyKey,
            OffsetDateTime at,
            String recordedBy,
            String note) {}

    /** A contract with its commitment, its movements in the period and their totals. */
    public record ContractLine(
            String reference,
            UUID contractId,
            String supplier,
            boolean testOpportunity,
            String financialCoding,
            String committedBy,
            OffsetDateTime committedAt,
            BigDecimal contractValue,
            String currency,
            List<Entry> entries,
            BigDecimal charged,
            BigDecimal refunded,
            BigDecimal net) {}

    /** The period (days in the service's time zone, inclusive; open when a date is missing) and its contracts. */
    public record Report(
            LocalDate from,
            LocalDate to,
            List<ContractLine> contracts,
            BigDecimal charged,
            BigDecimal refunded,
            BigDecimal net) {}

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    FinanceReconciliation(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public Report report(LocalDate from, LocalDate to) {
        OffsetDateTime start = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end =
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<UUID, ContractLine> lines = new LinkedHashMap<>();
        Map<UUID, List<Entry>> entries = new LinkedHashMap<>();
        jdbc.query("""
                select o.reference, o.test_opportunity, c.id as contract_id, c.price, c.currency, s.display_name,
                       f.financial_coding, f.committed_by, f.committed_at,
                       p.attempt, p.amount, p.status, p.provider_reference, p.idempotency_key, p.decline_code,
                       p.message, p.recorded_by, p.created_at, p.updated_at,
                       p.refund_reference, p.refund_reason, p.refunded_by, p.refunded_at
                from payment p
                join contract c on c.id = p.contract_id
                join opportunity o on o.id = c.opportunity_id
                join supplier s on s.id = c.supplier_id
                left join funds_commitment f on f.opportunity_id = o.id
                order by o.reference, c.awarded_at, p.attempt""", rs -> {
            UUID contractId = AuditRows.uuid(rs, "contract_id");
            lines.computeIfAbsent(contractId, id -> {
                try {
                    return new ContractLine(
                            rs.getString("reference"),
                            id,
                            rs.getString("display_name"),
                            rs.getBoolean("test_opportunity"),
                            rs.getString("financial_coding"),
                            rs.getString("committed_by"),
                            AuditRows.time(rs, "committed_at"),
                            rs.getBigDecimal("price"),
                            rs.getString("currency"),
                            List.of(),
                            null,
                            null,
                            null);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Entry> list = entries.computeIfAbsent(contractId, id -> new ArrayList<>());
            String status = rs.getString("status");
            int attempt = rs.getInt("attempt");
            BigDecimal amount = rs.getBigDecimal("amount");
            String key = rs.getString("idempotency_key");
            if ("MANUAL".equals(status)) {
                list.add(new Entry(
                        "MANUAL",
                        attempt,
                        amount,
                        status,
                        rs.getString("provider_reference"),
                        key,
                        AuditRows.time(rs, "updated_at"),
                        rs.getString("recorded_by"),
                        rs.getString("message")));
                return;
            }
            boolean refunded = "REFUNDED".equals(status);
            list.add(new Entry(
                    "CHARGE",
                    attempt,
                    amount,
                    refunded ? "SUCCEEDED" : status,
                    rs.getString("provider_reference"),
                    key,
                    AuditRows.time(rs, refunded ? "created_at" : "updated_at"),
                    rs.getString("recorded_by"),
                    rs.getString("decline_code") == null ? null : "declined: " + rs.getString("decline_code")));
            if (refunded) {
                list.add(new Entry(
                        "REFUND",
                        attempt,
                        amount.negate(),
                        "REFUNDED",
                        rs.getString("refund_reference"),
                        key + "-refund",
                        AuditRows.time(rs, "refunded_at"),
                        rs.getString("refunded_by"),
                        rs.getString("refund_reason")));
            }
        });
        List<ContractLine> result = new ArrayList<>();
        BigDecimal[] totals = {zero(), zero()};
        for (Map.Entry<UUID, ContractLine> e : lines.entrySet()) {
            List<Entry> inPeriod = entries.get(e.getKey()).stream()
                    .filter(x -> x.at() != null
                            && (start == null || !x.at().isBefore(start))
                            && (end == null || x.at().isBefore(end)))
                    .toList();
            if (inPeriod.isEmpty()) {
                continue;
            }
            BigDecimal charged = inPeriod.stream()
                    .filter(x -> "SUCCEEDED".equals(x.status()) || "MANUAL".equals(x.status()))
                    .map(Entry::amount)
                    .reduce(zero(), BigDecimal::add);
            BigDecimal refunded = inPeriod.stream()
                    .filter(x -> "REFUND".equals(x.entry()))
                    .map(x -> x.amount().negate())
                    .reduce(zero(), BigDecimal::add);
            ContractLine l = e.getValue();
            result.add(new ContractLine(
                    l.reference(),
                    l.contractId(),
                    l.supplier(),
                    l.testOpportunity(),
                    l.financialCoding(),
                    l.committedBy(),
                    l.committedAt(),
                    l.contractValue(),
                    l.currency(),
                    inPeriod,
                    charged,
                    refunded,
                    charged.subtract(refunded)));
            totals[0] = totals[0].add(charged);
            totals[1] = totals[1].add(refunded);
        }
        return new Report(from, to, result, totals[0], totals[1], totals[0].subtract(totals[1]));
    }

    /** The same report, one CSV row per money movement (UTF-8, RFC 4180). */
    public String csv(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (ContractLine l : report(from, to).contracts()) {
            for (Entry x : l.entries()) {
                rows.add(java.util.Arrays.asList(
                        l.reference(),
                        l.contractId(),
                        l.supplier(),
                        l.testOpportunity(),
                        l.financialCoding(),
                        l.committedBy(),
                        l.committedAt(),
                        l.contractValue(),
                        l.currency(),
                        x.entry(),
                        x.attempt(),
                        x.amount(),
                        x.status(),
                        x.processorReference(),
                        x.idempotencyKey(),
                        x.at(),
                        x.recordedBy(),
                        x.note()));
            }
        }
        return write(rows);
    }

    /** The only place this report writes CSV cells. */
    private static String write(List<List<Object>> rows) {
        Csv csv = new Csv().row(COLUMNS);
        rows.forEach(csv::row);
        return csv.toString();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
