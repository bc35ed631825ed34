package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each procurement's contribution to the pilot metrics, computed from the service tables and the decision history
 * with the same SQL as {@link PilotMetricsQueries}, grouped by request instead of summed over a period: for a few
 * requests (indexed look-ups by opportunity id) or for all of them (the rebuild). Test opportunities have none.
 */
final class PilotFacts {

    /** The durations, in the order of {@link PilotMetricsQueries}' names. */
    static final List<String> MILESTONES =
            List.of("requestToPosting", "requestToAward", "requestToAcceptance", "requestToPayment");

    /** The additive counts of a procurement, as columns of pilot_procurement and pilot_metrics_day. */
    static final List<String> COUNTS = List.of(
            "posted",
            "eligibility_checked",
            "eligible",
            "splitting_checked",
            "splitting_flagged",
            "proposals",
            "first_time_suppliers",
            "contracts",
            "si_respondents",
            "si_first_yes",
            "si_first_no",
            "si_first_unanswered",
            "si_small_yes",
            "si_small_no",
            "si_small_unanswered",
            "si_freelancer_yes",
            "si_freelancer_no",
            "si_freelancer_unanswered");

    static final List<String> SECONDS =
            List.of("seconds_to_posting", "seconds_to_award", "seconds_to_acceptance", "seconds_to_payment");

    static final int POSTED = 0;
    static final int ELIGIBILITY_CHECKED = 1;
    static final int ELIGIBLE = 2;
    static final int SPLITTING_CHECKED = 3;
    static final int SPLITTING_FLAGGED = 4;
    static final int PROPOSALS = 5;
    static final int FIRST_TIME = 6;
    static final int CONTRACTS = 7;
    static final int RESPONDENTS = 8;
    static final int FIRST_YES = 9;
    static final int SMALL_YES = 12;
    static final int FREELANCER_YES = 15;

    static final String REGION = "region";
    static final String GROUP = "group";

    /** One procurement's contribution. values: (kind, value) → count; suppliers: who proposed. */
    record Fact(
            UUID id,
            LocalDate day,
            long[] counts,
            BigDecimal awarded,
            BigDecimal paid,
            Long[] seconds,
            Map<List<String>, Long> values,
            TreeSet<UUID> suppliers) {

        static Fact empty(UUID id, LocalDate day) {
            return new Fact(
                    id,
                    day,
                    new long[COUNTS.size()],
                    BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2),
                    new Long[MILESTONES.size()],
                    new TreeMap<>(PilotFacts::compareKeys),
                    new TreeSet<>());
        }

        Fact withMoney(BigDecimal awarded, BigDecimal paid) {
            return new Fact(id, day, counts, awarded, paid, seconds, values, suppliers);
        }
    }

    static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final String prefix;

    PilotFacts(JdbcTemplate jdbc, ZoneId zone, String tablePrefix) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.prefix = tablePrefix;
    }

    /**
     * The contributions of these opportunities (null: of all, in one pass), by id; test and unknown opportunities
     * absent.
     */
    Map<UUID, Fact> load(Collection<UUID> ids) {
        StringBuilder f = new StringBuilder(" o.test_opportunity = false");
        Object[] args = new Object[0];
        if (ids != null) {
            if (ids.isEmpty()) {
                return Collections.emptyMap();
            }
            f.append(" and o.id in (")
                    .append(String.join(", ", Collections.nCopies(ids.size(), "?")))
                    .append(")");
            args = ids.toArray();
        }
        return load(f.toString(), args);
    }

    /** The contributions of the requests with an id in (after, last] (after null: from the first). */
    Map<UUID, Fact> loadRange(UUID after, UUID last) {
        return after == null
                ? load(" o.test_opportunity = false and o.id <= ?", new Object[] {last})
                : load(" o.test_opportunity = false and o.id > ? and o.id <= ?", new Object[] {after, last});
    }

    private Map<UUID, Fact> load(String where, Object[] args) {
        Map<UUID, Fact> facts = new LinkedHashMap<>();

        // The request, its posting and the four durations (the SQL of PilotMetricsQueries.durations, per request).
        Object[] thrice = new Object[args.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(args, 0, thrice, i * args.length, args.length);
        }
        jdbc.query(
                "select o.id, o.created_at, case when o.posted_at is null then 0 else 1 end, "
                        + seconds("o.posted_at") + ", " + seconds("o.awarded_at") + ", " + seconds("a.accepted_at")
                        + ", " + seconds("m.paid_at") + " from opportunity o"
                        + " left join (select c.opportunity_id, min(c.accepted_at) accepted_at from contract c"
                        + " join opportunity o on o.id = c.opportunity_id where" + where
                        + " group by c.opportunity_id) a on a.opportunity_id = o.id"
                        + " left join (select c.opportunity_id, min(p.updated_at) paid_at from payment p"
                        + " join contract c on c.id = p.contract_id join opportunity o on o.id = c.opportunity_id"
                        + " where p.status in ('SUCCEEDED', 'MANUAL') and" + where
                        + " group by c.opportunity_id) m on m.opportunity_id = o.id where" + where,
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    OffsetDateTime created = rs.getObject(2, OffsetDateTime.class);
                    Fact fact = Fact.empty(id, created.atZoneSameInstant(zone).toLocalDate());
                    fact.counts()[POSTED] = rs.getInt(3);
                    for (int i = 0; i < MILESTONES.size(); i++) {
                        double s = rs.getDouble(4 + i);
                        fact.seconds()[i] = rs.wasNull() ? null : (long) s;
                    }
                    facts.put(id, fact);
                },
                thrice);
        if (facts.isEmpty()) {
            return facts;
        }

        jdbc.query(
                "select p.opportunity_id, p.supplier_id from proposal p join opportunity o on o.id = p.opportunity_id"
                        + " where" + where,
                rs -> {
                    Fact fact = facts.get(rs.getObject(1, UUID.class));
                    if (fact != null) {
                        fact.counts()[PROPOSALS]++;
                        fact.suppliers().add(rs.getObject(2, UUID.class));
                    }
                },
                args);
        // A supplier is a first-time supplier of the request of their first proposal (test opportunities aside).
        perRequest(
                facts,
                "select p.opportunity_id, count(distinct p.supplier_id)"
                        + " from proposal p join opportunity o on o.id = p.opportunity_id where" + where
                        + " and not exists (select 1 from proposal q join opportunity qo on qo.id = q.opportunity_id"
                        + " where q.supplier_id = p.supplier_id and qo.test_opportunity = false"
                        + " and (q.submitted_at < p.submitted_at or (q.submitted_at = p.submitted_at and q.id < p.id)))"
                        + " group by p.opportunity_id",
                args,
                (fact, rs) -> fact.counts()[FIRST_TIME] = rs.getLong(2));

        perRequest(
                facts,
                "select c.opportunity_id, count(*), sum(case when c.status <> 'TERMINATED' then c.price end)"
                        + " from contract c join opportunity o on o.id = c.opportunity_id where" + where
                        + " group by c.opportunity_id",
                args,
                (fact, rs) -> {
                    fact.counts()[CONTRACTS] = rs.getLong(2);
                    facts.put(fact.id(), fact.withMoney(PilotMetricsService.cad(rs.getBigDecimal(3)), fact.paid()));
                });
        perRequest(
                facts,
                "select c.opportunity_id, sum(p.amount) from payment p"
                        + " join contract c on c.id = p.contract_id join opportunity o on o.id = c.opportunity_id"
                        + " where p.status in ('SUCCEEDED', 'MANUAL') and" + where + " group by c.opportunity_id",
                args,
                (fact, rs) -> facts.put(
                        fact.id(), fact.withMoney(fact.awarded(), PilotMetricsService.cad(rs.getBigDecimal(2)))));

        // Decisions: eligible when the latest Eligibility evaluation collected no reason; flagged when any
        // ContractSplitting evaluation returned REVIEW or BLOCK.
        String decisions = " from opportunity o join " + prefix + "ACT_HI_PROCINST pi on pi.business_key_ = o.reference"
                + " and pi.proc_def_key_ = '" + AuditRows.PROCESS_KEY + "'"
                + " join " + prefix + "ACT_HI_DECINST d on d.proc_inst_id_ = pi.proc_inst_id_ where" + where;
        perRequest(
                facts,
                "select l.request_id, case when exists (select 1 from " + prefix + "ACT_HI_DEC_OUT x"
                        + " where x.dec_inst_id_ = l.id_) then 0 else 1 end"
                        + " from (select o.id request_id, d.id_,"
                        + " row_number() over (partition by o.id order by d.eval_time_ desc, d.id_ desc) latest"
                        + decisions + " and d.dec_def_key_ = 'Eligibility') l where l.latest = 1",
                args,
                (fact, rs) -> {
                    fact.counts()[ELIGIBILITY_CHECKED] = 1;
                    fact.counts()[ELIGIBLE] = rs.getInt(2);
                });
        perRequest(
                facts,
                "select o.id, count(x.dec_inst_id_)"
                        + decisions.replace(
                                " where" + where,
                                " left join " + prefix + "ACT_HI_DEC_OUT x on x.dec_inst_id_ = d.id_"
                                        + " and x.var_name_ = 'risk' and x.text_ in ('REVIEW', 'BLOCK') where" + where)
                        + " and d.dec_def_key_ = 'ContractSplitting' group by o.id",
                args,
                (fact, rs) -> {
                    fact.counts()[SPLITTING_CHECKED] = 1;
                    fact.counts()[SPLITTING_FLAGGED] = rs.getLong(2) > 0 ? 1 : 0;
                });

        // Self-identification: answers counted as PilotMetricsQueries counts them (regions trimmed, groups split,
        // trimmed and lower-cased; blanks left out).
        perRequest(
                facts,
                "select p.opportunity_id, s.first_government_contract, s.small_business, s.freelancer, s.region,"
                        + " s.under_represented_groups from proposal_self_identification s"
                        + " join proposal p on p.id = s.proposal_id join opportunity o on o.id = p.opportunity_id"
                        + " where" + where,
                args,
                (fact, rs) -> {
                    long[] c = fact.counts();
                    c[RESPONDENTS]++;
                    answer(c, FIRST_YES, rs, 2);
                    answer(c, SMALL_YES, rs, 3);
                    answer(c, FREELANCER_YES, rs, 4);
                    String region = rs.getString(5);
                    if (region != null && !region.isBlank()) {
                        fact.values().merge(List.of(REGION, region.trim()), 1L, Long::sum);
                    }
                    String groups = rs.getString(6);
                    if (groups != null) {
                        for (String group : groups.split("[,;\\n]")) {
                            if (!group.isBlank()) {
                                fact.values()
                                        .merge(List.of(GROUP, group.trim().toLowerCase(Locale.ROOT)), 1L, Long::sum);
                            }
                        }
                    }
                });
        return facts;
    }

    private static void answer(long[] counts, int yes, ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        counts[rs.wasNull() ? yes + 2 : value ? yes : yes + 1]++;
    }

    private interface Row {
        void read(Fact fact, ResultSet rs) throws SQLException;
    }

    private void perRequest(Map<UUID, Fact> facts, String sql, Object[] args, Row row) {
        jdbc.query(
                sql,
                rs -> {
                    Fact fact = facts.get(rs.getObject(1, UUID.class));
                    if (fact != null) {
                        row.read(fact, rs);
                    }
                },
                args);
    }

    /** Whole seconds from the request to {@code end} (null when there is no end), 0 when the end is earlier. */
    static String seconds(String end) {
        return "cast(case when " + end + " is null then null when " + end + " <= o.created_at then 0"
                + " else floor(extract(epoch from " + end
                + ") - extract(epoch from o.created_at)) end as double precision)";
    }
}
