package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalSubmission;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pilot metrics' running totals, kept as real procurements progress, against the direct queries (the
 * definition) and against a rebuild from scratch; and the rebuild over HTTP (administrators only).
 */
@AuditTest
class PilotTotalsTest {

    private static final LocalDate[][] PERIODS = {
        {null, null},
        {LocalDate.of(2052, 1, 1), LocalDate.of(2052, 12, 31)},
        {LocalDate.of(2052, 2, 1), LocalDate.of(2052, 2, 29)},
        {LocalDate.of(2052, 1, 25), LocalDate.of(2052, 3, 10)},
        {null, LocalDate.of(2052, 2, 15)},
        {LocalDate.of(2052, 2, 15), null},
        {LocalDate.of(2052, 2, 1), LocalDate.of(2052, 2, 1)},
        {LocalDate.of(2052, 3, 1), LocalDate.of(2052, 2, 1)},
    };

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ZoneId zone;

    @Autowired
    PilotTotals totals;

    @Autowired
    ProposalService proposals;

    @LocalServerPort
    int port;

    @Test
    void runningTotalsEqualTheDirectQueriesAndARebuild() {
        assertThat(totals.builtFor()).as("built on start").isEqualTo(zone.getId());
        List<String> references = procurements.metricsMix(Instant.parse("2052-01-20T15:00:00Z"), 52L, 12);
        assertThat(references).hasSize(12);

        PilotMetricsService kept = new PilotMetricsService(engine, jdbc, zone);
        PilotMetricsQueries direct = new PilotMetricsQueries(engine, jdbc, zone);
        PilotMetrics year = kept.compute(PERIODS[1][0], PERIODS[1][1]);
        assertThat(year.requests()).isEqualTo(12);
        assertThat(year.proposals()).isPositive();
        assertThat(year.totalPaidValue()).isPositive();
        assertAllEqual(kept, direct);

        // The same totals as a rebuild from the service tables and the history, row for row
        List<String> incremental = snapshot();
        PilotTotals.Result rebuilt = totals.rebuild();
        assertThat(rebuilt.procurements()).isGreaterThanOrEqualTo(12);
        assertThat(snapshot()).isEqualTo(incremental);
        assertAllEqual(kept, direct);
        // in pages of 3 requests: the same
        totals.rebuildPage = 3;
        try {
            assertThat(totals.rebuild().procurements()).isEqualTo(rebuilt.procurements());
        } finally {
            totals.rebuildPage = 1000;
        }
        assertThat(snapshot()).isEqualTo(incremental);

        // Through the histograms (as for a period of many requests): the same counts, percentiles within 0.5 %
        PilotMetricsService estimated = new PilotMetricsService(engine, jdbc, zone, 0);
        for (LocalDate[] period : PERIODS) {
            PilotMetrics exact = direct.compute(period[0], period[1]);
            PilotMetrics approx = estimated.compute(period[0], period[1]);
            assertThat(approx.requests()).isEqualTo(exact.requests());
            assertThat(approx.proposals()).isEqualTo(exact.proposals());
            exact.times().forEach((milestone, d) -> {
                PilotMetrics.Durations a = approx.times().get(milestone);
                assertThat(a.count()).as(milestone).isEqualTo(d.count());
                if (d.count() > 0) {
                    close(a.medianHours(), d.medianHours(), milestone);
                    if (totals.postgres()) {
                        close(a.p90Hours(), d.p90Hours(), milestone);
                    }
                }
            });
        }
    }

    @Test
    void concurrentChangesToOneProcurementAreAllCounted() throws Exception {
        LocalDate day = LocalDate.of(2053, 3, 10);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            String reference = procurements.postedAt(Instant.parse("2053-03-10T15:00:00Z"));
            List<UUID> suppliers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                suppliers.add(procurements.newSupplier());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> done = new ArrayList<>();
            for (UUID supplier : suppliers) {
                done.add(threads.submit(() -> {
                    go.await();
                    try {
                        proposals.submit(
                                reference,
                                supplier,
                                new ProposalSubmission(
                                        List.of(
                                                new ProposalSubmission.Statement("C1", "I have done this before."),
                                                new ProposalSubmission.Statement("C2", "I can start now.")),
                                        true,
                                        new ProposalSubmission.SelfIdentificationData(
                                                true, "Yukon", false, null, List.of("Women"))));
                        return true;
                    } catch (RuntimeException conflict) {
                        return false; // a concurrent submission won (optimistic locking): rolled back
                    }
                }));
            }
            go.countDown();
            long submitted = 0;
            for (Future<Boolean> f : done) {
                submitted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(submitted).isPositive();
            PilotMetricsService kept = new PilotMetricsService(engine, jdbc, zone);
            PilotMetricsQueries direct = new PilotMetricsQueries(engine, jdbc, zone);
            PilotMetrics metrics = kept.compute(day, day);
            assertThat(metrics.proposals()).isEqualTo(submitted);
            assertThat(comparable(metrics)).isEqualTo(comparable(direct.compute(day, day)));
            assertThat(comparable(kept.compute(null, null))).isEqualTo(comparable(direct.compute(null, null)));
        } finally {
            threads.shutdownNow();
            procurements.realTime();
        }
    }

    @Test
    void onlyAdministratorsRebuild() throws Exception {
        WebClient web = new WebClient(port);
        for (String user : List.of("auditor", "requester", "finance")) {
            var refused = web.post("/staff/metrics/rebuild", user);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
        }
        assertThat(web.post("/staff/metrics/rebuild", null).statusCode()).isEqualTo(401);
        // a form posted from another site with the administrator's browser credentials: refused, nothing rebuilt
        var form = web.postForm("/staff/metrics/rebuild", "admin");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var done = web.post("/staff/metrics/rebuild", "admin");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"procurements\"");
        assertThat(web.get("/staff/metrics/rebuild", "admin").statusCode()).isNotEqualTo(200);
    }

    private static void close(BigDecimal approx, BigDecimal exact, String what) {
        // 0.5 % of the value, plus the rounding to 0.1 h of both
        double tolerance = exact.doubleValue() * PilotHistogram.RELATIVE_ERROR + 0.1;
        assertThat(approx.doubleValue()).as(what).isCloseTo(exact.doubleValue(), within(tolerance));
    }

    private void assertAllEqual(PilotMetricsService kept, PilotMetricsQueries direct) {
        for (LocalDate[] period : PERIODS) {
            assertThat(comparable(kept.compute(period[0], period[1])))
                    .as(Arrays.toString(period))
                    .isEqualTo(comparable(direct.compute(period[0], period[1])));
        }
    }

    /**
     * The metrics as compared: all of them on PostgreSQL; on H2 without the 90th percentiles, as H2's
     * percentile_disc takes the value at rank (n − 1) × 0.9 rounded, not at the nearest rank ceil(0.9 × n) that
     * PostgreSQL and the totals take (PilotHistogramTest checks that one).
     */
    private PilotMetrics comparable(PilotMetrics m) {
        if (totals.postgres()) {
            return m;
        }
        java.util.Map<String, PilotMetrics.Durations> times = new java.util.LinkedHashMap<>();
        m.times()
                .forEach((k, d) -> times.put(
                        k, new PilotMetrics.Durations(d.count(), d.medianDays(), null, d.medianHours(), null)));
        return new PilotMetrics(
                m.from(),
                m.to(),
                m.requests(),
                m.eligibilityChecked(),
                m.eligibleRequests(),
                m.eligibleShare(),
                m.opportunitiesPosted(),
                m.proposals(),
                m.proposalsPerOpportunity(),
                m.uniqueSuppliers(),
                m.firstTimeSuppliers(),
                m.splittingChecked(),
                m.splittingFlagged(),
                m.splittingFlaggedShare(),
                m.contractsAwarded(),
                m.totalAwardedValue(),
                m.totalPaidValue(),
                times,
                m.selfIdentification());
    }

    /** Every non-zero row of the totals and every counted procurement's rows, as text in a fixed order. */
    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of(
                "select * from pilot_metrics_day where requests <> 0 order by request_day",
                "select * from pilot_metrics_day_value where n <> 0 order by request_day, kind, val",
                "select * from pilot_metrics_histogram where n <> 0 order by period, period_start, milestone, bucket",
                "select * from pilot_procurement where counted = true order by opportunity_id",
                "select * from pilot_procurement_value order by opportunity_id, kind, val",
                "select * from pilot_procurement_supplier order by opportunity_id, supplier_id")) {
            jdbc.queryForList(sql).forEach(row -> rows.add(row.toString()));
        }
        return rows;
    }
}
