package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.RequestDetails;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.splitting.SplittingService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A test opportunity (training, demonstration) is not a purchase: no metric, no open-data row, no splitting history. */
@DomainTest
class TestOpportunitiesAreNotCountedTest {

    private static final ZoneId ZONE = ZoneId.of("America/Toronto");
    private static final LocalDate FROM = LocalDate.of(2061, 2, 1);
    private static final LocalDate TO = LocalDate.of(2061, 3, 31);

    @Autowired
    Fixtures fx;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SplittingService splitting;

    @AfterEach
    void back() {
        fx.reset();
    }

    @Test
    void aTestOpportunityIsLeftOutOfMetricsOpenDataAndSplittingHistory() {
        fx.clock.set(Instant.parse("2061-02-10T15:00:00Z"));
        String team = "Team " + UUID.randomUUID();
        String repository = "local://test-opportunities/" + UUID.randomUUID();

        Opportunity test = awardedFor(details(team, repository, true), fx.supplier("en"));
        fx.clock.set(Instant.parse("2061-02-10T16:00:00Z"));
        Opportunity real = awardedFor(details(team, repository, false), fx.supplier("fr"));

        PilotMetrics metrics = new PilotMetricsService(engine, jdbc, ZONE).compute(FROM, TO);
        assertThat(metrics.requests()).isEqualTo(1);
        assertThat(metrics.opportunitiesPosted()).isEqualTo(1);
        assertThat(metrics.proposals()).isEqualTo(1);
        assertThat(metrics.uniqueSuppliers()).isEqualTo(1);
        assertThat(metrics.contractsAwarded()).isEqualTo(1);
        assertThat(metrics.totalAwardedValue()).isEqualByComparingTo("4000.00");

        String csv = new ProactiveDisclosure(jdbc, ZONE).csv(FROM, TO);
        assertThat(csv).contains(real.getReference()).doesNotContain(test.getReference());

        // The real request sees no other request of the team or on the repository: the test one is not history.
        var inputs = splitting.requestView(real.getId());
        assertThat(inputs.sameTeamCount()).isZero();
        assertThat(inputs.sameRepositoryCount()).isZero();
    }

    private Opportunity awardedFor(RequestDetails details, Supplier supplier) {
        Opportunity o = fx.opportunities.registerRequest(details);
        fx.opportunities.publish(o.getId());
        o = fx.opportunities.get(o.getId());
        Proposal p = fx.propose(o, supplier);
        fx.closeProposals(o);
        fx.evaluate(o, List.of(p), List.of());
        fx.evaluations.drawWinner(o.getId());
        fx.contracts.award(o.getId(), p.getId());
        return fx.opportunities.get(o.getId());
    }

    private RequestDetails details(String team, String repository, boolean test) {
        RequestDetails d = fx.request(team, test ? "9000.00" : "4000.00", repository);
        return new RequestDetails(
                d.title(),
                d.summary(),
                d.workDescription(),
                d.acceptanceCriteria(),
                d.evaluationCriteria(),
                d.skills(),
                d.estimatedValue(),
                d.securityClassification(),
                d.remoteWork(),
                d.repositoryUrl(),
                d.license(),
                d.containsPersonalInformation(),
                d.proposalDeadline(),
                d.deliveryDays(),
                d.department(),
                d.team(),
                d.requester(),
                null,
                null,
                null,
                null,
                test);
    }
}
