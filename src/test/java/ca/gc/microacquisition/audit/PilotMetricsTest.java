package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcurementsForReports;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pilot metrics over a known data set, built with real procurements in a period of its own. */
@AuditTest
class PilotMetricsTest {

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Autowired
    AuditReports reports;

    @Test
    void metricsOfAKnownDataSet() {
        List<String> references = procurements.metricsDataSet(Instant.parse("2040-06-04T14:00:00Z"));
        assertThat(references).hasSize(4);

        PilotMetrics m = reports.metrics().compute(LocalDate.of(2040, 6, 1), LocalDate.of(2040, 6, 30));

        assertThat(m.requests()).isEqualTo(4);
        assertThat(m.eligibilityChecked()).isEqualTo(4);
        assertThat(m.eligibleRequests()).isEqualTo(3);
        assertThat(m.eligibleShare()).isEqualByComparingTo("75.0");
        assertThat(m.opportunitiesPosted()).isEqualTo(2);
        assertThat(m.proposals()).isEqualTo(2);
        assertThat(m.proposalsPerOpportunity()).isEqualByComparingTo("1.00");
        assertThat(m.uniqueSuppliers()).isEqualTo(2);
        assertThat(m.firstTimeSuppliers()).isEqualTo(2);
        assertThat(m.splittingChecked()).isEqualTo(3);
        assertThat(m.splittingFlagged()).isEqualTo(1);
        assertThat(m.splittingFlaggedShare()).isEqualByComparingTo("33.3");
        assertThat(m.contractsAwarded()).isEqualTo(1);
        assertThat(m.totalAwardedValue()).isEqualByComparingTo("2500.00");
        assertThat(m.totalPaidValue()).isEqualByComparingTo("2500.00");
        assertThat(m.totalAwardedValue()).isEqualByComparingTo(m.totalPaidValue());

        var posting = m.times().get("requestToPosting");
        assertThat(posting.count()).isEqualTo(2);
        assertThat(posting.medianDays()).isEqualByComparingTo("1.50");
        assertThat(posting.p90Days()).isEqualByComparingTo("2.00");
        assertThat(posting.medianHours()).isEqualByComparingTo("36.0");
        assertThat(m.times().get("requestToAward").medianDays()).isEqualByComparingTo("4.00");
        assertThat(m.times().get("requestToAcceptance").medianDays()).isEqualByComparingTo("8.00");
        assertThat(m.times().get("requestToPayment").medianDays()).isEqualByComparingTo("8.00");
        assertThat(m.times().get("requestToPayment").count()).isEqualTo(1);

        // One supplier self-identified: every non-zero cell is suppressed, nothing identifies them.
        var self = m.selfIdentification();
        assertThat(self.proposalsWithSelfIdentification()).isEqualTo("<5");
        assertThat(self.firstGovernmentContract()).containsEntry("yes", "<5").containsEntry("no", "0");
        assertThat(self.freelancer()).containsEntry("yes", "<5");
        assertThat(self.regions()).containsEntry("Quebec", "<5");
        assertThat(self.underRepresentedGroups()).containsEntry("women", "<5");

        // Outside the period: nothing.
        PilotMetrics before = reports.metrics().compute(LocalDate.of(2040, 5, 1), LocalDate.of(2040, 5, 31));
        assertThat(before.requests()).isZero();
        assertThat(before.eligibleShare()).isNull();
        assertThat(before.times().get("requestToPosting").count()).isZero();
    }

    @Test
    void smallCellsAreSuppressed() {
        assertThat(PilotMetricsService.suppress(0)).isEqualTo("0");
        assertThat(PilotMetricsService.suppress(1)).isEqualTo("<5");
        assertThat(PilotMetricsService.suppress(4)).isEqualTo("<5");
        assertThat(PilotMetricsService.suppress(5)).isEqualTo("5");
    }
}
