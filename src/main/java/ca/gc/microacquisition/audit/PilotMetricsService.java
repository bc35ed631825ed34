package ca.gc.microacquisition.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.gc.microacquisition.audit.PilotMetrics.Durations;
import ca.gc.microacquisition.audit.PilotMetrics.SelfIdentificationSummary;

/**
 * Computes the pilot metrics from the domain tables (requests, proposals, contracts, payments, self-identification)
 * and the engine's history (the ContractSplitting decisions). The population is every request made in the period
 * (days in the service's time zone, both ends inclusive; no bound when a date is missing).
 */
public class PilotMetricsService {

    /** Counts from 1 up to this value are shown as "&lt;5". */
    static final int SMALL_CELL = 5;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public PilotMetricsService(ProcessEngine engine, JdbcTemplate jdbc, ZoneId zone) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    private record Request(UUID id, String reference, String status, OffsetDateTime createdAt,
                           OffsetDateTime postedAt, OffsetDateTime awardedAt) {
    }

    public PilotMetrics compute(LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder(
                "select id, reference, status, created_at, posted_at, awarded_at from opportunity"
                        // Test opportunities (training, demonstrations) are not procurements: never counted.
                        + " where test_opportunity = false");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" and created_at >= ?");
            args.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" and created_at < ?");
            args.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        List<Request> requests = jdbc.query(sql.toString(), (rs, n) -> new Request(AuditRows.uuid(rs, "id"),
                rs.getString("reference"), rs.getString("status"), AuditRows.time(rs, "created_at"),
                AuditRows.time(rs, "posted_at"), AuditRows.time(rs, "awarded_at")), args.toArray());
        Map<UUID, Request> byId = new HashMap<>();
        requests.forEach(r -> byId.put(r.id(), r));

        long posted = requests.stream().filter(r -> r.postedAt() != null).count();

        // Proposals and suppliers
        record ProposalRow(UUID id, UUID opportunityId, UUID supplierId) {
        }
        List<ProposalRow> proposals = new ArrayList<>();
        Map<UUID, OffsetDateTime> firstProposalOfSupplier = new HashMap<>();
        Map<UUID, UUID> firstOpportunityOfSupplier = new HashMap<>();
        jdbc.query("select p.id, p.opportunity_id, p.supplier_id, p.submitted_at from proposal p"
                + " join opportunity o on o.id = p.opportunity_id where o.test_opportunity = false"
                + " order by p.submitted_at, p.id", rs -> {
            UUID opportunityId = AuditRows.uuid(rs, "opportunity_id");
            UUID supplierId = AuditRows.uuid(rs, "supplier_id");
            if (firstProposalOfSupplier.putIfAbsent(supplierId, AuditRows.time(rs, "submitted_at")) == null) {
                firstOpportunityOfSupplier.put(supplierId, opportunityId);
            }
            if (byId.containsKey(opportunityId)) {
                proposals.add(new ProposalRow(AuditRows.uuid(rs, "id"), opportunityId, supplierId));
            }
        });
        Set<UUID> suppliers = new HashSet<>();
        proposals.forEach(p -> suppliers.add(p.supplierId()));
        long firstTime = suppliers.stream().filter(s -> byId.containsKey(firstOpportunityOfSupplier.get(s))).count();

        // Contracts and payments
        Map<UUID, OffsetDateTime> acceptedAt = new HashMap<>();
        Map<UUID, OffsetDateTime> paidAt = new HashMap<>();
        BigDecimal[] awarded = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        long[] contracts = {0};
        jdbc.query("select c.id, c.opportunity_id, c.price, c.status, c.accepted_at from contract c", rs -> {
            UUID opportunityId = AuditRows.uuid(rs, "opportunity_id");
            if (!byId.containsKey(opportunityId)) {
                return;
            }
            contracts[0]++;
            if (!"TERMINATED".equals(rs.getString("status"))) {
                awarded[0] = awarded[0].add(rs.getBigDecimal("price"));
            }
            OffsetDateTime accepted = AuditRows.time(rs, "accepted_at");
            if (accepted != null) {
                acceptedAt.merge(opportunityId, accepted, (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        jdbc.query("select c.opportunity_id, p.amount, p.updated_at from payment p join contract c on c.id = p.contract_id"
                + " where p.status in ('SUCCEEDED', 'MANUAL')", rs -> {
            UUID opportunityId = AuditRows.uuid(rs, "opportunity_id");
            if (!byId.containsKey(opportunityId)) {
                return;
            }
            awarded[1] = awarded[1].add(rs.getBigDecimal("amount"));
            paidAt.merge(opportunityId, AuditRows.time(rs, "updated_at"), (a, b) -> a.isBefore(b) ? a : b);
        });

        Map<String, Durations> times = new LinkedHashMap<>();
        times.put("requestToPosting", durations(requests, r -> r.postedAt()));
        times.put("requestToAward", durations(requests, r -> r.awardedAt()));
        times.put("requestToAcceptance", durations(requests, r -> acceptedAt.get(r.id())));
        times.put("requestToPayment", durations(requests, r -> paidAt.get(r.id())));

        long[] decisions = decisions(requests);
        long[] splitting = {decisions[2], decisions[3]};
        long eligible = decisions[1];

        return new PilotMetrics(from, to, requests.size(), decisions[0], eligible, share(eligible, decisions[0]), posted,
                proposals.size(), ratio(proposals.size(), posted), suppliers.size(), firstTime, splitting[0],
                splitting[1], share(splitting[1], splitting[0]), contracts[0], awarded[0], awarded[1], times,
                selfIdentification(proposals.stream().map(ProposalRow::id).toList()));
    }

    /**
     * From the decisions in the engine's history: [eligibility checked, eligible, splitting checked, flagged].
     * A request is eligible when its latest Eligibility evaluation collected no reason; it is flagged when any of
     * its ContractSplitting evaluations returned a REVIEW or BLOCK row.
     */
    private long[] decisions(List<Request> requests) {
        if (requests.isEmpty()) {
            return new long[] {0, 0, 0, 0};
        }
        Map<String, String> referenceByInstance = new HashMap<>();
        List<String> references = requests.stream().map(Request::reference).toList();
        for (int i = 0; i < references.size(); i += 100) {
            for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(AuditRows.PROCESS_KEY)
                    .processInstanceBusinessKeyIn(references.subList(i, Math.min(references.size(), i + 100))
                            .toArray(String[]::new)).list()) {
                referenceByInstance.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, Boolean> eligibleByReference = new HashMap<>();
        Set<String> checked = new HashSet<>();
        Set<String> flagged = new HashSet<>();
        for (Map.Entry<String, String> entry : referenceByInstance.entrySet()) {
            String reference = entry.getValue();
            for (HistoricDecisionInstance decision : engine.getHistoryService().createHistoricDecisionInstanceQuery()
                    .processInstanceId(entry.getKey()).includeOutputs().orderByEvaluationTime().asc().list()) {
                if ("Eligibility".equals(decision.getDecisionDefinitionKey())) {
                    eligibleByReference.put(reference, decision.getOutputs().isEmpty());
                } else if ("ContractSplitting".equals(decision.getDecisionDefinitionKey())) {
                    checked.add(reference);
                    if (decision.getOutputs().stream().anyMatch(o -> "risk".equals(o.getVariableName())
                            && ("REVIEW".equals(o.getValue()) || "BLOCK".equals(o.getValue())))) {
                        flagged.add(reference);
                    }
                }
            }
        }
        long eligible = eligibleByReference.values().stream().filter(Boolean::booleanValue).count();
        return new long[] {eligibleByReference.size(), eligible, checked.size(), flagged.size()};
    }

    private SelfIdentificationSummary selfIdentification(List<UUID> proposalIds) {
        Set<UUID> wanted = new HashSet<>(proposalIds);
        long[] respondents = {0};
        Map<String, Long> first = yesNo();
        Map<String, Long> small = yesNo();
        Map<String, Long> freelancer = yesNo();
        Map<String, Long> regions = new TreeMap<>();
        Map<String, Long> groups = new TreeMap<>();
        jdbc.query("select proposal_id, first_government_contract, region, small_business, freelancer,"
                + " under_represented_groups from proposal_self_identification", rs -> {
            if (!wanted.contains(AuditRows.uuid(rs, "proposal_id"))) {
                return;
            }
            respondents[0]++;
            count(first, (Boolean) rs.getObject("first_government_contract"));
            count(small, (Boolean) rs.getObject("small_business"));
            count(freelancer, (Boolean) rs.getObject("freelancer"));
            String region = rs.getString("region");
            if (region != null && !region.isBlank()) {
                regions.merge(region.trim(), 1L, Long::sum);
            }
            String listed = rs.getString("under_represented_groups");
            if (listed != null) {
                for (String group : listed.split("[,;\\n]")) {
                    if (!group.isBlank()) {
                        groups.merge(group.trim().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    }
                }
            }
        });
        return new SelfIdentificationSummary(suppress(respondents[0]), suppress(first), suppress(small),
                suppress(freelancer), suppress(regions), suppress(groups));
    }

    private static Map<String, Long> yesNo() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("yes", 0L);
        map.put("no", 0L);
        map.put("notAnswered", 0L);
        return map;
    }

    private static void count(Map<String, Long> map, Boolean answer) {
        map.merge(answer == null ? "notAnswered" : answer ? "yes" : "no", 1L, Long::sum);
    }

    /** A count as published: 0, "&lt;5" for 1 to 4, else the number. */
    static String suppress(long count) {
        return count > 0 && count < SMALL_CELL ? "<" + SMALL_CELL : Long.toString(count);
    }

    private static Map<String, String> suppress(Map<String, Long> counts) {
        Map<String, String> shown = new LinkedHashMap<>();
        counts.forEach((k, v) -> shown.put(k, suppress(v)));
        return shown;
    }

    private static Durations durations(List<Request> requests, java.util.function.Function<Request, OffsetDateTime> to) {
        List<Long> seconds = new ArrayList<>();
        for (Request r : requests) {
            OffsetDateTime end = to.apply(r);
            if (end != null && r.createdAt() != null) {
                seconds.add(Math.max(0, Duration.between(r.createdAt(), end).toSeconds()));
            }
        }
        if (seconds.isEmpty()) {
            return new Durations(0, null, null, null, null);
        }
        Collections.sort(seconds);
        int n = seconds.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(seconds.get(n / 2))
                : BigDecimal.valueOf(seconds.get(n / 2 - 1) + seconds.get(n / 2)).divide(BigDecimal.valueOf(2));
        // Nearest rank: the smallest value with at least 90% of the values at or below it.
        BigDecimal p90 = BigDecimal.valueOf(seconds.get((int) Math.ceil(0.9 * n) - 1));
        return new Durations(n, days(median), days(p90), hours(median), hours(p90));
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds.divide(BigDecimal.valueOf(3_600), 1, RoundingMode.HALF_UP);
    }

    /** A percentage with one decimal, or null when there is nothing to divide by. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
