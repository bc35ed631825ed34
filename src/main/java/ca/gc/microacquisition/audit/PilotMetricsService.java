package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.audit.PilotMetrics.Durations;
import ca.gc.microacquisition.audit.PilotMetrics.SelfIdentificationSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pilot metrics of a period (requests made in it: days in the service's time zone, both ends inclusive; no
 * bound when a date is missing), read from the running totals kept by {@link PilotTotals}: the day rows of the
 * period, the histogram rows of its whole years, months and remaining days, and (for unique suppliers) one narrow
 * index range. The cost follows the number of days and buckets, not the number of procurements.
 * <p>
 * Figures are exact, except the medians and 90th percentiles of a period with more than {@value #EXACT_UP_TO}
 * requests: they come from the histograms, within {@link PilotHistogram#RELATIVE_ERROR} (0.5 %) of the exact value.
 * Until the totals are built for this time zone (first start, before the rebuild), the figures are computed
 * directly ({@link PilotMetricsQueries}).
 */
public class PilotMetricsService {

    /** Counts from 1 up to this value are shown as "&lt;5". */
    static final int SMALL_CELL = 5;

    /** Up to this many requests in a period, the durations are read one by one: exact percentiles. */
    static final int EXACT_UP_TO = 5_000;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final PilotMetricsQueries direct;
    private final int exactUpTo;

    public PilotMetricsService(ProcessEngine engine, JdbcTemplate jdbc, ZoneId zone) {
        this(engine, jdbc, zone, EXACT_UP_TO);
    }

    /** With another threshold for exact durations (tests of the histograms). */
    PilotMetricsService(ProcessEngine engine, JdbcTemplate jdbc, ZoneId zone, int exactUpTo) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.direct = new PilotMetricsQueries(engine, jdbc, zone);
        this.exactUpTo = exactUpTo;
    }

    public PilotMetrics compute(LocalDate from, LocalDate to) {
        List<String> built = jdbc.queryForList("select zone from pilot_metrics_state where id = 1", String.class);
        if (built.isEmpty() || !zone.getId().equals(built.get(0))) {
            return direct.compute(from, to);
        }
        LocalDate first = from;
        LocalDate last = to;
        if (first == null || last == null) {
            Map<String, Object> range = jdbc.queryForMap(
                    "select min(request_day) lo, max(request_day) hi from pilot_metrics_day where requests <> 0");
            first = first != null ? first : localDate(range.get("lo"));
            last = last != null ? last : localDate(range.get("hi"));
        }
        if (first == null || last == null || first.isAfter(last)) {
            // nothing was requested (or the period is empty): the figures of no request
            first = LocalDate.of(1, 1, 2);
            last = LocalDate.of(1, 1, 1);
        }
        Object[] period = {Date.valueOf(first), Date.valueOf(last)};

        StringBuilder sums = new StringBuilder("select coalesce(sum(requests), 0)");
        for (String column : PilotFacts.COUNTS) {
            sums.append(", coalesce(sum(").append(column).append("), 0)");
        }
        sums.append(", sum(awarded_value), sum(paid_value)");
        for (String column : List.of("reached_posting", "reached_award", "reached_acceptance", "reached_payment")) {
            sums.append(", coalesce(sum(").append(column).append("), 0)");
        }
        sums.append(" from pilot_metrics_day where request_day between ? and ?");
        int n = PilotFacts.COUNTS.size();
        long[] c = new long[n];
        long[] reached = new long[PilotFacts.MILESTONES.size()];
        BigDecimal[] money = new BigDecimal[2];
        long requests = jdbc.query(
                sums.toString(),
                rs -> {
                    rs.next();
                    for (int i = 0; i < n; i++) {
                        c[i] = rs.getLong(2 + i);
                    }
                    money[0] = cad(rs.getBigDecimal(2 + n));
                    money[1] = cad(rs.getBigDecimal(3 + n));
                    for (int m = 0; m < reached.length; m++) {
                        reached[m] = rs.getLong(4 + n + m);
                    }
                    return rs.getLong(1);
                },
                period);

        // Unique suppliers: over all time, every supplier counted once as a first-time supplier; else the
        // distinct suppliers of the period's requests (an index-only range).
        long uniqueSuppliers = from == null && to == null
                ? c[PilotFacts.FIRST_TIME]
                : jdbc.queryForObject(
                        "select count(distinct supplier_id) from pilot_procurement_supplier"
                                + " where request_day between ? and ?",
                        Long.class,
                        period);

        Map<String, Durations> times = requests <= exactUpTo ? exactDurations(period) : estimatedDurations(first, last);

        Map<String, Long> regions = new TreeMap<>();
        Map<String, Long> groups = new TreeMap<>();
        jdbc.query(
                "select kind, val, sum(n) from pilot_metrics_day_value where request_day between ? and ?"
                        + " group by kind, val",
                rs -> {
                    long count = rs.getLong(3);
                    if (count != 0) {
                        (PilotFacts.REGION.equals(rs.getString(1)) ? regions : groups).put(rs.getString(2), count);
                    }
                },
                period);

        long posted = c[PilotFacts.POSTED];
        long proposals = c[PilotFacts.PROPOSALS];
        return new PilotMetrics(
                from,
                to,
                requests,
                c[PilotFacts.ELIGIBILITY_CHECKED],
                c[PilotFacts.ELIGIBLE],
                share(c[PilotFacts.ELIGIBLE], c[PilotFacts.ELIGIBILITY_CHECKED]),
                posted,
                proposals,
                ratio(proposals, posted),
                uniqueSuppliers,
                c[PilotFacts.FIRST_TIME],
                c[PilotFacts.SPLITTING_CHECKED],
                c[PilotFacts.SPLITTING_FLAGGED],
                share(c[PilotFacts.SPLITTING_FLAGGED], c[PilotFacts.SPLITTING_CHECKED]),
                c[PilotFacts.CONTRACTS],
                money[0],
                money[1],
                times,
                new SelfIdentificationSummary(
                        suppress(c[PilotFacts.RESPONDENTS]),
                        suppress(answers(c, PilotFacts.FIRST_YES)),
                        suppress(answers(c, PilotFacts.SMALL_YES)),
                        suppress(answers(c, PilotFacts.FREELANCER_YES)),
                        suppress(regions),
                        suppress(groups)));
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static Map<String, Long> answers(long[] counts, int yes) {
        Map<String, Long> map = PilotMetricsQueries.yesNo();
        map.put("yes", counts[yes]);
        map.put("no", counts[yes + 1]);
        map.put("notAnswered", counts[yes + 2]);
        return map;
    }

    /** The durations of a small period, from its requests' rows: exact. */
    private Map<String, Durations> exactDurations(Object[] period) {
        int m = PilotFacts.MILESTONES.size();
        List<List<Long>> values = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            values.add(new ArrayList<>());
        }
        jdbc.query(
                "select " + String.join(", ", PilotFacts.SECONDS)
                        + " from pilot_procurement where counted = true and request_day between ? and ?",
                rs -> {
                    for (int i = 0; i < m; i++) {
                        long s = rs.getLong(1 + i);
                        if (!rs.wasNull()) {
                            values.get(i).add(s);
                        }
                    }
                },
                period);
        Map<String, Durations> times = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            long[] v = values.get(i).stream().mapToLong(Long::longValue).toArray();
            times.put(PilotFacts.MILESTONES.get(i), durations(v.length, PilotHistogram.exact(v)));
        }
        return times;
    }

    /** The durations of a large period, from the histograms of its whole years, whole months and other days. */
    private Map<String, Durations> estimatedDurations(LocalDate first, LocalDate last) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Object[] run : runs(first, last)) {
            where.append(where.length() == 0 ? "" : " or ").append("(period = ? and period_start between ? and ?)");
            args.add(run[0]);
            args.add(Date.valueOf((LocalDate) run[1]));
            args.add(Date.valueOf((LocalDate) run[2]));
        }
        int m = PilotFacts.MILESTONES.size();
        List<List<long[]>> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(new ArrayList<>());
        }
        jdbc.query(
                "select milestone, bucket, sum(n) from pilot_metrics_histogram where " + where
                        + " group by milestone, bucket order by milestone, bucket",
                rs -> {
                    long count = rs.getLong(3);
                    if (count > 0) {
                        rows.get(rs.getInt(1)).add(new long[] {rs.getInt(2), count});
                    }
                },
                args.toArray());
        Map<String, Durations> times = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            int[] buckets = rows.get(i).stream().mapToInt(r -> (int) r[0]).toArray();
            long[] counts = rows.get(i).stream().mapToLong(r -> r[1]).toArray();
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            times.put(PilotFacts.MILESTONES.get(i), durations(total, PilotHistogram.estimate(buckets, counts)));
        }
        return times;
    }

    /**
     * The period as runs of histogram rows: {period kind, first start, last start}. Whole years as year rows,
     * whole months as month rows, the other days as day rows (at most five runs).
     */
    static List<Object[]> runs(LocalDate first, LocalDate last) {
        List<Object[]> runs = new ArrayList<>();
        LocalDate d = first;
        while (!d.isAfter(last)) {
            String kind;
            LocalDate next;
            if (d.getDayOfYear() == 1 && !d.plusYears(1).minusDays(1).isAfter(last)) {
                kind = PilotTotals.YEAR;
                next = d.plusYears(1);
            } else if (d.getDayOfMonth() == 1 && !d.plusMonths(1).minusDays(1).isAfter(last)) {
                kind = PilotTotals.MONTH;
                next = d.plusMonths(1);
            } else {
                kind = PilotTotals.DAY;
                next = d.plusDays(1);
            }
            Object[] previous = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (previous != null && previous[0].equals(kind)) {
                previous[2] = d;
            } else {
                runs.add(new Object[] {kind, d, d});
            }
            d = next;
        }
        return runs;
    }

    private static Durations durations(long count, BigDecimal[] percentiles) {
        return percentiles == null
                ? new Durations(0, null, null, null, null)
                : durations(count, percentiles[0], percentiles[1]);
    }

    static BigDecimal cad(BigDecimal sum) {
        return sum == null
                ? BigDecimal.ZERO.setScale(2)
                : sum.setScale(Math.max(2, sum.scale()), RoundingMode.UNNECESSARY);
    }

    /** A count as published: 0, "&lt;5" for 1 to 4, else the number. */
    static String suppress(long count) {
        return count > 0 && count < SMALL_CELL ? "<" + SMALL_CELL : Long.toString(count);
    }

    static Map<String, String> suppress(Map<String, Long> counts) {
        Map<String, String> shown = new LinkedHashMap<>();
        counts.forEach((k, v) -> shown.put(k, suppress(v)));
        return shown;
    }

    static Durations durations(long count, BigDecimal medianSeconds, BigDecimal p90Seconds) {
        return new Durations(count, days(medianSeconds), days(p90Seconds), hours(medianSeconds), hours(p90Seconds));
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(3_600), 1, RoundingMode.HALF_UP);
    }

    /** A percentage with one decimal, or null when there is nothing to divide by. */
    static BigDecimal share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
