package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.audit.PilotFacts.Fact;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the pilot metrics as running totals, so that reading them costs the same whatever the history: each
 * procurement's contribution (pilot_procurement and its value and supplier rows, computed by {@link PilotFacts}),
 * the additive figures per request day (pilot_metrics_day, pilot_metrics_day_value) and the durations as log-scale
 * histograms per day, month and year of request (pilot_metrics_histogram, see {@link PilotHistogram}).
 * <ul>
 * <li>{@link #refresh}: when a procurement changed (PilotMetricsTracker calls it before the commit, in the same
 * transaction), its contribution is computed again and the difference (new − old) is added to the totals;</li>
 * <li>{@link #rebuild}: every contribution and total computed again from the service tables and the history (first
 * start, another time zone, an administrator after a bulk import).</li>
 * </ul>
 * Concurrency (several nodes on one PostgreSQL database): a refresh locks its procurements' rows first, then reads
 * the sources (so a concurrent change to the same procurement is either seen or waits), and updates the totals rows
 * in a fixed order (days, values, histogram keys in ascending order) with single-statement upserts; a rebuild locks
 * the state row exclusively, refreshes lock it shared (PostgreSQL).
 */
@Component
public class PilotTotals {

    private static final Logger log = LoggerFactory.getLogger(PilotTotals.class);

    /** UUIDs in the databases' order (unsigned, byte by byte), the order rows are locked in. */
    static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(
                    UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /** Rebuilt in pages of this many requests (tests make it small). */
    volatile int rebuildPage = 1000;

    /** Refreshed in chunks of this many procurements (one IN list each). */
    private static final int CHUNK = 200;

    static final String DAY = "D";
    static final String MONTH = "M";
    static final String YEAR = "Y";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final ObjectProvider<ProcessEngine> engine;
    private final TransactionTemplate transactions;
    private volatile PilotFacts facts;
    private volatile Boolean postgres;

    public PilotTotals(
            JdbcTemplate jdbc,
            ZoneId zone,
            ObjectProvider<ProcessEngine> engine,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.engine = engine;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The time zone the totals were last built for, or null when they never were. */
    String builtFor() {
        List<String> zones = jdbc.queryForList("select zone from pilot_metrics_state where id = 1", String.class);
        return zones.isEmpty() ? null : zones.get(0);
    }

    /** On start: rebuild when the totals were never built, or were built for another time zone. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfNeeded() {
        if (!zone.getId().equals(builtFor())) {
            Result result = rebuildUnless(true);
            if (result != null) {
                log.info("Pilot metrics rebuilt for {}: {} procurements", zone, result.procurements());
            }
        }
    }

    /** What a rebuild did. */
    public record Result(long procurements, OffsetDateTime rebuiltAt) {}

    /** Computes every contribution and total again from the service tables and the history, in one transaction. */
    public Result rebuild() {
        return rebuildUnless(false);
    }

    private Result rebuildUnless(boolean onlyIfStale) {
        return transactions.execute(status -> {
            String built =
                    jdbc.queryForObject("select zone from pilot_metrics_state where id = 1 for update", String.class);
            if (onlyIfStale && zone.getId().equals(built)) {
                return null; // another node did it meanwhile
            }
            for (String table : List.of(
                    "pilot_procurement_value",
                    "pilot_procurement_supplier",
                    "pilot_procurement",
                    "pilot_metrics_day_value",
                    "pilot_metrics_day",
                    "pilot_metrics_histogram")) {
                jdbc.update("delete from " + table);
            }
            // Page through the requests by id (keyset): memory follows the page and the totals, not the history.
            Delta delta = new Delta();
            long procurements = 0;
            UUID after = null;
            while (true) {
                List<UUID> page = after == null
                        ? jdbc.queryForList(
                                "select id from opportunity where test_opportunity = false order by id fetch first "
                                        + rebuildPage + " rows only",
                                UUID.class)
                        : jdbc.queryForList(
                                "select id from opportunity where test_opportunity = false and id > ? order by id"
                                        + " fetch first " + rebuildPage + " rows only",
                                UUID.class,
                                after);
                if (page.isEmpty()) {
                    break;
                }
                // (an id range rather than an IN list: the database reads each table's range once)
                Map<UUID, Fact> found = facts().loadRange(after, page.get(page.size() - 1));
                List<Fact> sorted =
                        page.stream().map(found::get).filter(f -> f != null).toList();
                insertPlaceholders(sorted.stream().map(Fact::id).toList());
                writeFacts(sorted, sorted.stream().map(Fact::id).toList());
                sorted.forEach(f -> delta.add(f, 1));
                procurements += sorted.size();
                after = page.get(page.size() - 1);
            }
            apply(delta);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.update("update pilot_metrics_state set zone = ?, rebuilt_at = ? where id = 1", zone.getId(), now);
            return new Result(procurements, now);
        });
    }

    /**
     * Computes these procurements' contributions again and adds the differences to the totals. Runs in the
     * caller's transaction.
     */
    public void refresh(Collection<UUID> opportunityIds) {
        TreeSet<UUID> unique = new TreeSet<>(DATABASE_ORDER);
        unique.addAll(opportunityIds);
        List<UUID> ids = new ArrayList<>(unique);
        if (ids.isEmpty()) {
            return;
        }
        if (postgres()) {
            // waits while a rebuild runs; a rebuild waits for the refreshes under way
            jdbc.queryForList("select id from pilot_metrics_state where id = 1 for share");
        }
        // Lock all the procurements' rows first (ascending ids), before reading anything and before any totals row:
        // a concurrent refresh of the same procurement waits here, then reads what the other committed.
        Map<UUID, Fact> old = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            lock(ids.subList(i, Math.min(ids.size(), i + CHUNK)), old);
        }
        Delta delta = new Delta();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            Map<UUID, Fact> now = facts().load(chunk);
            chunk.stream().map(old::get).filter(f -> f != null).forEach(f -> delta.add(f, -1));
            now.values().forEach(f -> delta.add(f, 1));
            writeFacts(chunk.stream().map(now::get).filter(f -> f != null).toList(), chunk);
        }
        apply(delta);
    }

    /** Locks these procurements' rows (made if missing) and reads their contributions as counted so far. */
    private void lock(List<UUID> ids, Map<UUID, Fact> old) {
        insertPlaceholders(ids);
        String in = in(ids.size());
        Object[] args = ids.toArray();
        jdbc.query(
                "select opportunity_id, counted, request_day, " + String.join(", ", PilotFacts.COUNTS)
                        + ", awarded_value, paid_value, " + String.join(", ", PilotFacts.SECONDS)
                        + " from pilot_procurement where opportunity_id in " + in
                        + " order by opportunity_id for update",
                rs -> {
                    if (!rs.getBoolean(2)) {
                        return;
                    }
                    UUID id = rs.getObject(1, UUID.class);
                    Fact fact = Fact.empty(id, rs.getObject(3, LocalDate.class));
                    int column = 4;
                    for (int c = 0; c < PilotFacts.COUNTS.size(); c++) {
                        fact.counts()[c] = rs.getLong(column++);
                    }
                    fact = fact.withMoney(rs.getBigDecimal(column++), rs.getBigDecimal(column++));
                    for (int m = 0; m < PilotFacts.SECONDS.size(); m++) {
                        long s = rs.getLong(column++);
                        fact.seconds()[m] = rs.wasNull() ? null : s;
                    }
                    old.put(id, fact);
                },
                args);
        jdbc.query(
                "select opportunity_id, kind, val, n from pilot_procurement_value where opportunity_id in " + in,
                rs -> {
                    Fact fact = old.get(rs.getObject(1, UUID.class));
                    if (fact != null) {
                        fact.values().put(List.of(rs.getString(2), rs.getString(3)), rs.getLong(4));
                    }
                },
                args);
        jdbc.query(
                "select opportunity_id, supplier_id from pilot_procurement_supplier where opportunity_id in " + in,
                rs -> {
                    Fact fact = old.get(rs.getObject(1, UUID.class));
                    if (fact != null) {
                        fact.suppliers().add(rs.getObject(2, UUID.class));
                    }
                },
                args);
    }

    /** Makes sure every procurement has its row (not counted), without disturbing one that exists. */
    private void insertPlaceholders(List<UUID> ids) {
        String sql = postgres()
                ? "insert into pilot_procurement (opportunity_id, counted) values (?, false)"
                        + " on conflict (opportunity_id) do nothing"
                : "merge into pilot_procurement t using (values (cast(? as uuid))) s(id) on t.opportunity_id = s.id"
                        + " when not matched then insert (opportunity_id, counted) values (s.id, false)";
        jdbc.batchUpdate(sql, ids.stream().map(id -> new Object[] {id}).toList());
    }

    /** Replaces the rows of these procurements with their new contributions (absent: not counted). */
    private void writeFacts(List<Fact> current, List<UUID> ids) {
        writeFacts(current, ids, false);
    }

    /** fresh: the tables hold no row of these procurements (a rebuild): inserted at once. */
    private void writeFacts(List<Fact> current, List<UUID> ids, boolean fresh) {
        if (!fresh) {
            String in = in(ids.size());
            jdbc.update("delete from pilot_procurement_value where opportunity_id in " + in, ids.toArray());
            jdbc.update("delete from pilot_procurement_supplier where opportunity_id in " + in, ids.toArray());
            jdbc.update(
                    "update pilot_procurement set counted = false, request_day = null, "
                            + PilotFacts.COUNTS.stream().map(c -> c + " = 0").collect(Collectors.joining(", "))
                            + ", awarded_value = 0, paid_value = 0, "
                            + PilotFacts.SECONDS.stream()
                                    .map(c -> c + " = null")
                                    .collect(Collectors.joining(", "))
                            + " where opportunity_id in " + in,
                    ids.toArray());
        }
        if (current.isEmpty()) {
            return;
        }
        List<String> columns = Stream.concat(
                        Stream.concat(PilotFacts.COUNTS.stream(), Stream.of("awarded_value", "paid_value")),
                        PilotFacts.SECONDS.stream())
                .toList();
        jdbc.batchUpdate(
                fresh
                        ? "insert into pilot_procurement (request_day, " + String.join(", ", columns)
                                + ", opportunity_id, counted) values "
                                + in(columns.size() + 2).replace(")", ", true)")
                        : "update pilot_procurement set counted = true, request_day = ?, "
                                + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                                + " where opportunity_id = ?",
                current.stream()
                        .map(f -> {
                            List<Object> row = new ArrayList<>();
                            row.add(Date.valueOf(f.day()));
                            for (long c : f.counts()) {
                                row.add(c);
                            }
                            row.add(f.awarded());
                            row.add(f.paid());
                            for (Long seconds : f.seconds()) {
                                row.add(new SqlParameterValue(Types.BIGINT, seconds));
                            }
                            row.add(f.id());
                            return row.toArray();
                        })
                        .toList());
        List<Object[]> values = new ArrayList<>();
        List<Object[]> suppliers = new ArrayList<>();
        for (Fact f : current) {
            f.values().forEach((key, n) -> values.add(new Object[] {f.id(), key.get(0), key.get(1), n}));
            f.suppliers().forEach(s -> suppliers.add(new Object[] {f.id(), s, Date.valueOf(f.day())}));
        }
        jdbc.batchUpdate(
                "insert into pilot_procurement_value (opportunity_id, kind, val, n) values (?, ?, ?, ?)", values);
        jdbc.batchUpdate(
                "insert into pilot_procurement_supplier (opportunity_id, supplier_id, request_day) values (?, ?, ?)",
                suppliers);
    }

    /** Changes to the totals, by key in ascending order (the order rows are updated in). */
    static final class Delta {
        final TreeMap<LocalDate, DayChange> days = new TreeMap<>();
        final TreeMap<List<String>, Long> values = new TreeMap<>(PilotTotals::compareValueKeys);
        final TreeMap<HistogramKey, Long> histogram = new TreeMap<>();

        void add(Fact fact, int sign) {
            DayChange day = days.computeIfAbsent(fact.day(), d -> new DayChange());
            day.requests += sign;
            for (int c = 0; c < fact.counts().length; c++) {
                day.counts[c] += sign * fact.counts()[c];
            }
            BigDecimal s = BigDecimal.valueOf(sign);
            day.awarded = day.awarded.add(fact.awarded().multiply(s));
            day.paid = day.paid.add(fact.paid().multiply(s));
            for (int m = 0; m < fact.seconds().length; m++) {
                Long seconds = fact.seconds()[m];
                if (seconds != null) {
                    day.reached[m] += sign;
                    int bucket = PilotHistogram.bucket(seconds);
                    LocalDate d = fact.day();
                    for (HistogramKey key : List.of(
                            new HistogramKey(DAY, d, m, bucket),
                            new HistogramKey(MONTH, d.withDayOfMonth(1), m, bucket),
                            new HistogramKey(YEAR, d.withDayOfYear(1), m, bucket))) {
                        histogram.merge(key, (long) sign, Long::sum);
                    }
                }
            }
            fact.values()
                    .forEach((key, n) ->
                            values.merge(List.of(fact.day().toString(), key.get(0), key.get(1)), sign * n, Long::sum));
        }
    }

    static final class DayChange {
        long requests;
        final long[] counts = new long[PilotFacts.COUNTS.size()];
        BigDecimal awarded = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        final long[] reached = new long[PilotFacts.MILESTONES.size()];

        boolean isZero() {
            if (requests != 0 || awarded.signum() != 0 || paid.signum() != 0) {
                return false;
            }
            for (long c : counts) {
                if (c != 0) {
                    return false;
                }
            }
            for (long r : reached) {
                if (r != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    record HistogramKey(String period, LocalDate start, int milestone, int bucket) implements Comparable<HistogramKey> {
        @Override
        public int compareTo(HistogramKey o) {
            return Comparator.comparing(HistogramKey::period)
                    .thenComparing(HistogramKey::start)
                    .thenComparingInt(HistogramKey::milestone)
                    .thenComparingInt(HistogramKey::bucket)
                    .compare(this, o);
        }
    }

    private static int compareValueKeys(List<String> a, List<String> b) {
        for (int i = 0; i < 3; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static final List<String> DAY_COLUMNS = Stream.concat(
                    Stream.concat(Stream.of("requests"), PilotFacts.COUNTS.stream()),
                    Stream.concat(
                            Stream.of("awarded_value", "paid_value"),
                            Stream.of("reached_posting", "reached_award", "reached_acceptance", "reached_payment")))
            .toList();

    private void apply(Delta delta) {
        List<Object[]> days = new ArrayList<>();
        delta.days.forEach((day, change) -> {
            if (change.isZero()) {
                return;
            }
            List<Object> row = new ArrayList<>();
            row.add(Date.valueOf(day));
            row.add(change.requests);
            for (long c : change.counts) {
                row.add(c);
            }
            row.add(change.awarded);
            row.add(change.paid);
            for (long r : change.reached) {
                row.add(r);
            }
            days.add(row.toArray());
        });
        List<String> types = new ArrayList<>();
        for (String column : DAY_COLUMNS) {
            types.add(column.endsWith("_value") ? "numeric(16,2)" : "bigint");
        }
        jdbc.batchUpdate(
                upsert("pilot_metrics_day", List.of("request_day"), List.of("date"), DAY_COLUMNS, types), days);

        List<Object[]> values = new ArrayList<>();
        delta.values.forEach((key, n) -> {
            if (n != 0) {
                values.add(new Object[] {Date.valueOf(LocalDate.parse(key.get(0))), key.get(1), key.get(2), n});
            }
        });
        jdbc.batchUpdate(
                upsert(
                        "pilot_metrics_day_value",
                        List.of("request_day", "kind", "val"),
                        List.of("date", "varchar(10)", "varchar(1000)"),
                        List.of("n"),
                        List.of("bigint")),
                values);

        List<Object[]> buckets = new ArrayList<>();
        delta.histogram.forEach((key, n) -> {
            if (n != 0) {
                buckets.add(new Object[] {key.period(), Date.valueOf(key.start()), key.milestone(), key.bucket(), n});
            }
        });
        jdbc.batchUpdate(
                upsert(
                        "pilot_metrics_histogram",
                        List.of("period", "period_start", "milestone", "bucket"),
                        List.of("char(1)", "date", "smallint", "integer"),
                        List.of("n"),
                        List.of("bigint")),
                buckets);
    }

    /** Insert the row, or add the values to the row with the same key (one statement, safe under concurrency). */
    private String upsert(
            String table, List<String> keys, List<String> keyTypes, List<String> adds, List<String> addTypes) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(adds);
        if (postgres()) {
            return "insert into " + table + " (" + String.join(", ", all) + ") values " + in(all.size())
                    + " on conflict (" + String.join(", ", keys) + ") do update set "
                    + adds.stream()
                            .map(c -> c + " = " + table + "." + c + " + excluded." + c)
                            .collect(Collectors.joining(", "));
        }
        List<String> casts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            casts.add("cast(? as " + keyTypes.get(i) + ")");
        }
        for (int i = 0; i < adds.size(); i++) {
            casts.add("cast(? as " + addTypes.get(i) + ")");
        }
        return "merge into " + table + " t using (values (" + String.join(", ", casts) + ")) s("
                + String.join(", ", all) + ") on "
                + keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "))
                + " when matched then update set "
                + adds.stream().map(c -> c + " = t." + c + " + s." + c).collect(Collectors.joining(", "))
                + " when not matched then insert (" + String.join(", ", all) + ") values ("
                + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }

    private static String in(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
            postgres = known;
        }
        return known;
    }

    private PilotFacts facts() {
        PilotFacts known = facts;
        if (known == null) {
            known = new PilotFacts(jdbc, zone, AuditRows.engineTablePrefix(engine.getObject()));
            facts = known;
        }
        return known;
    }
}
