package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.audit.PilotMetrics.Durations;
import ca.gc.microacquisition.audit.PilotMetrics.SelfIdentificationSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pilot metrics computed directly from the domain tables (requests, proposals, contracts, payments,
 * self-identification) and the engine's history (the Eligibility and ContractSplitting decisions): aggregate
 * queries over every request of the period, whose cost grows with the history. The definition of every figure, and
 * the oracle the running totals ({@link PilotTotals}) are checked against; {@link PilotMetricsService} uses it only
 * while the totals are not built for its time zone. The population is every request made in the period (days in
 * the service's time zone, both ends inclusive; no bound when a date is missing).
 */
class PilotMetricsQueries {

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    PilotMetricsQueries(ProcessEngine engine, JdbcTemplate jdbc, ZoneId zone) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public PilotMetrics compute(LocalDate from, LocalDate to) {
        // Every figure is an aggregate computed by the database over the requests of the period (joined through
        // the request): no row of the history is read into the service, so the cost follows the period asked for.
        StringBuilder population = new StringBuilder(
                // Test opportunities (training, demonstrations) are not procurements: never counted.
                " o.test_opportunity = false");
        List<Object> bounds = new ArrayList<>();
        if (from != null) {
            population.append(" and o.created_at >= ?");
            bounds.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            population.append(" and o.created_at < ?");
            bounds.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String where = population.toString();
        Object[] args = bounds.toArray();

        long[] requests = jdbc.queryForObject(
                "select count(*), count(o.posted_at) from opportunity o where" + where,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                args);
        long posted = requests[1];

        // Proposals and suppliers. A first-time supplier proposed in the period, and their first proposal to the
        // service (by submission time, then id; test opportunities aside) is one of the period's.
        long[] proposals = jdbc.queryForObject(
                "select count(*), count(distinct p.supplier_id)"
                        + " from proposal p join opportunity o on o.id = p.opportunity_id where" + where,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                args);
        // (not exists in the where clause: the database runs it as one anti-join)
        long firstTime = jdbc.queryForObject(
                "select count(distinct p.supplier_id)"
                        + " from proposal p join opportunity o on o.id = p.opportunity_id where" + where
                        + " and not exists (select 1 from proposal q join opportunity qo on qo.id = q.opportunity_id"
                        + " where q.supplier_id = p.supplier_id and qo.test_opportunity = false"
                        + " and (q.submitted_at < p.submitted_at or (q.submitted_at = p.submitted_at and q.id < p.id)))",
                Long.class,
                args);

        // Contracts and payments
        record Money(long contracts, BigDecimal awarded) {}
        Money contracts = jdbc.queryForObject(
                "select count(*), sum(case when c.status <> 'TERMINATED' then c.price end)"
                        + " from contract c join opportunity o on o.id = c.opportunity_id where" + where,
                (rs, n) -> new Money(rs.getLong(1), PilotMetricsService.cad(rs.getBigDecimal(2))),
                args);
        BigDecimal paid = PilotMetricsService.cad(jdbc.queryForObject(
                "select sum(p.amount) from payment p"
                        + " join contract c on c.id = p.contract_id join opportunity o on o.id = c.opportunity_id"
                        + " where p.status in ('SUCCEEDED', 'MANUAL') and" + where,
                BigDecimal.class,
                args));

        Map<String, Durations> times = durations(where, args);
        long[] decisions = decisions(where, args);
        long eligible = decisions[1];

        return new PilotMetrics(
                from,
                to,
                requests[0],
                decisions[0],
                eligible,
                PilotMetricsService.share(eligible, decisions[0]),
                posted,
                proposals[0],
                PilotMetricsService.ratio(proposals[0], posted),
                proposals[1],
                firstTime,
                decisions[2],
                decisions[3],
                PilotMetricsService.share(decisions[3], decisions[2]),
                contracts.contracts(),
                contracts.awarded(),
                paid,
                times,
                selfIdentification(where, args));
    }

    /**
     * From the decisions in the engine's history: [eligibility checked, eligible, splitting checked, flagged].
     * A request is eligible when its latest Eligibility evaluation collected no reason; it is flagged when any of
     * its ContractSplitting evaluations returned a REVIEW or BLOCK row. The decisions are found through the
     * process instances whose business key is the reference (Camunda's indexes on the business key, the
     * decision's process instance and the output's decision).
     */
    private long[] decisions(String where, Object[] args) {
        String prefix = AuditRows.engineTablePrefix(engine);
        String instances = prefix + "ACT_HI_PROCINST";
        String decisions = prefix + "ACT_HI_DECINST";
        String outputs = prefix + "ACT_HI_DEC_OUT";
        String ofPeriod = " from opportunity o join " + instances + " pi on pi.business_key_ = o.reference"
                + " and pi.proc_def_key_ = '" + AuditRows.PROCESS_KEY + "'"
                + " join " + decisions + " d on d.proc_inst_id_ = pi.proc_inst_id_ where" + where;
        long[] eligibility = jdbc.queryForObject(
                "select count(*), coalesce(sum(case when not exists"
                        + " (select 1 from " + outputs + " x where x.dec_inst_id_ = l.id_) then 1 else 0 end), 0)"
                        + " from (select d.id_, row_number() over (partition by o.reference order by d.eval_time_ desc, d.id_ desc) latest"
                        + ofPeriod + " and d.dec_def_key_ = 'Eligibility') l where l.latest = 1",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                args);
        long[] splitting = jdbc.queryForObject(
                "select count(distinct o.reference),"
                        + " count(distinct case when x.dec_inst_id_ is not null then o.reference end)"
                        + " from opportunity o join " + instances + " pi on pi.business_key_ = o.reference"
                        + " and pi.proc_def_key_ = '" + AuditRows.PROCESS_KEY + "'"
                        + " join " + decisions + " d on d.proc_inst_id_ = pi.proc_inst_id_"
                        + " left join " + outputs + " x on x.dec_inst_id_ = d.id_ and x.var_name_ = 'risk'"
                        + " and x.text_ in ('REVIEW', 'BLOCK')"
                        + " where" + where + " and d.dec_def_key_ = 'ContractSplitting'",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                args);
        return new long[] {eligibility[0], eligibility[1], splitting[0], splitting[1]};
    }

    /**
     * Elapsed time from the request to each milestone, over the requests that reached it: whole seconds (never
     * negative), median (the mean of the two middle values for an even count) and 90th percentile by nearest rank
     * (the smallest value with at least 90% of the values at or below it), as percentile_cont(0.5) and
     * percentile_disc(0.9) compute them. Acceptance is a contract's first acceptance, payment the first succeeded
     * or manual payment.
     */
    private Map<String, Durations> durations(String where, Object[] args) {
        String[] names = {"requestToPosting", "requestToAward", "requestToAcceptance", "requestToPayment"};
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < names.length; i++) {
            String x = "t.s" + i;
            sql.append(i == 0 ? "" : ", ")
                    .append("count(")
                    .append(x)
                    .append("), percentile_cont(0.5) within group (order by ")
                    .append(x)
                    .append("), percentile_disc(0.9) within group (order by ")
                    .append(x)
                    .append(")");
        }
        // Acceptance and payment come from grouped joins (one pass each), not from a subquery per request: the
        // database's plan stays small and cheap (PostgreSQL would otherwise also JIT-compile it, seconds each time).
        sql.append(" from (select ")
                .append(PilotFacts.seconds("o.posted_at"))
                .append(" s0, ")
                .append(PilotFacts.seconds("o.awarded_at"))
                .append(" s1, ")
                .append(PilotFacts.seconds("a.accepted_at"))
                .append(" s2, ")
                .append(PilotFacts.seconds("m.paid_at"))
                .append(" s3 from opportunity o")
                .append(" left join (select c.opportunity_id, min(c.accepted_at) accepted_at from contract c")
                .append(" join opportunity o on o.id = c.opportunity_id where")
                .append(where)
                .append(" group by c.opportunity_id) a on a.opportunity_id = o.id")
                .append(" left join (select c.opportunity_id, min(p.updated_at) paid_at from payment p")
                .append(" join contract c on c.id = p.contract_id join opportunity o on o.id = c.opportunity_id")
                .append(" where p.status in ('SUCCEEDED', 'MANUAL') and")
                .append(where)
                .append(" group by c.opportunity_id) m on m.opportunity_id = o.id where")
                .append(where)
                .append(") t");
        Object[] thrice = new Object[args.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(args, 0, thrice, i * args.length, args.length);
        }
        return jdbc.queryForObject(
                sql.toString(),
                (rs, n) -> {
                    Map<String, Durations> times = new LinkedHashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        long count = rs.getLong(3 * i + 1);
                        times.put(
                                names[i],
                                count == 0
                                        ? new Durations(0, null, null, null, null)
                                        : PilotMetricsService.durations(
                                                count, rs.getBigDecimal(3 * i + 2), rs.getBigDecimal(3 * i + 3)));
                    }
                    return times;
                },
                thrice);
    }

    private SelfIdentificationSummary selfIdentification(String where, Object[] args) {
        String ofPeriod = " from proposal_self_identification s join proposal p on p.id = s.proposal_id"
                + " join opportunity o on o.id = p.opportunity_id where" + where;
        long[] respondents = {0};
        Map<String, Long> first = yesNo();
        Map<String, Long> small = yesNo();
        Map<String, Long> freelancer = yesNo();
        jdbc.query(
                "select count(*)" + answers("first_government_contract") + answers("small_business")
                        + answers("freelancer") + ofPeriod,
                rs -> {
                    respondents[0] = rs.getLong(1);
                    int column = 2;
                    for (Map<String, Long> map : List.of(first, small, freelancer)) {
                        for (String answer : List.of("yes", "no", "notAnswered")) {
                            map.put(answer, rs.getLong(column++));
                        }
                    }
                },
                args);
        Map<String, Long> regions = new TreeMap<>();
        jdbc.query(
                "select s.region, count(*)" + ofPeriod + " and s.region is not null group by s.region",
                rs -> {
                    String region = rs.getString(1);
                    if (!region.isBlank()) {
                        regions.merge(region.trim(), rs.getLong(2), Long::sum);
                    }
                },
                args);
        Map<String, Long> groups = new TreeMap<>();
        jdbc.query(
                "select s.under_represented_groups, count(*)" + ofPeriod
                        + " and s.under_represented_groups is not null group by s.under_represented_groups",
                rs -> {
                    long times = rs.getLong(2);
                    for (String group : rs.getString(1).split("[,;\\n]")) {
                        if (!group.isBlank()) {
                            groups.merge(group.trim().toLowerCase(Locale.ROOT), times, Long::sum);
                        }
                    }
                },
                args);
        return new SelfIdentificationSummary(
                PilotMetricsService.suppress(respondents[0]),
                PilotMetricsService.suppress(first),
                PilotMetricsService.suppress(small),
                PilotMetricsService.suppress(freelancer),
                PilotMetricsService.suppress(regions),
                PilotMetricsService.suppress(groups));
    }

    /** Yes, no and not answered counts of a voluntary question, as three columns. */
    private static String answers(String column) {
        return ", coalesce(sum(case when s." + column + " = true then 1 else 0 end), 0)"
                + ", coalesce(sum(case when s." + column + " = false then 1 else 0 end), 0)"
                + ", coalesce(sum(case when s." + column + " is null then 1 else 0 end), 0)";
    }

    static Map<String, Long> yesNo() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("yes", 0L);
        map.put("no", 0L);
        map.put("notAnswered", 0L);
        return map;
    }
}
