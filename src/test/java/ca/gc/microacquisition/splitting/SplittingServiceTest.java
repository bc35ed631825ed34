package ca.gc.microacquisition.splitting;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class SplittingServiceTest {

    @Autowired
    Fixtures fx;

    @Autowired
    SplittingService splitting;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    ProposalService proposals;

    @Autowired
    ContractService contracts;

    String team;
    String repo;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
        repo = "local://splitting/" + UUID.randomUUID();
    }

    @Test
    void requestViewCountsTheTeamsAndRepositorysOtherRecentRequests() {
        // outside the 90-day window
        opportunities.registerRequest(fx.request(team, "9999.00", repo));
        fx.advance(Duration.ofDays(100));
        // in the window: same team (one near the threshold), same repository, and left-out ones
        opportunities.registerRequest(fx.request(team, "4000.00", "local://other/" + UUID.randomUUID()));
        opportunities.registerRequest(fx.request(team.toUpperCase() + "  ", "9000.00", repo + ".git"));
        opportunities.registerRequest(fx.request("Another " + team, "2500.50", repo + "/"));
        Opportunity referred = opportunities.registerRequest(fx.request(team, "9500.00", repo));
        opportunities.refer(referred.getId(), List.of("Not eligible"));
        Opportunity cancelled = opportunities.registerRequest(fx.request(team, "9500.00", repo));
        opportunities.cancel(cancelled.getId(), "Withdrawn", "requester");
        fx.advance(Duration.ofDays(1));
        Opportunity current = opportunities.registerRequest(fx.request(team, "8500.00", repo));

        SplittingInputs in = splitting.requestView(current.getId());

        assertThat(in.splittingScope()).isEqualTo("REQUEST");
        assertThat(in.estimatedValue()).isEqualTo("8500.00");
        assertThat(in.sameTeamCount()).isEqualTo(2);
        assertThat(in.sameTeamValue()).isEqualByComparingTo("13000.00");
        assertThat(in.sameRepositoryCount()).isEqualTo(2);
        assertThat(in.sameRepositoryValue()).isEqualByComparingTo("11500.50");
        assertThat(in.nearThresholdCount()).isEqualTo(1);
        assertThat(in.supplierAwardCount()).isZero();

        Map<String, Object> map = in.asMap();
        assertThat(map)
                .containsOnlyKeys(
                        "splittingScope",
                        "estimatedValue",
                        "sameTeamCount",
                        "sameTeamValue",
                        "sameRepositoryCount",
                        "sameRepositoryValue",
                        "nearThresholdCount",
                        "supplierAwardCount",
                        "supplierAwardValue",
                        "supplierCumulativeValue");
        assertThat(map.get("sameTeamCount")).isInstanceOf(Long.class).isEqualTo(2L);
        assertThat(map.get("sameTeamValue")).isInstanceOf(BigDecimal.class);
        assertThat(map.get("supplierCumulativeValue")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void supplierViewCountsRecentAwardsToTheSameSupplier() {
        Supplier regular = fx.supplier("en");
        awardTo(regular, team, "3000.00");
        awardTo(regular, "Elsewhere " + UUID.randomUUID(), "2000.00");
        fx.advance(Duration.ofDays(1));

        Opportunity current = opportunities.registerRequest(fx.request(team, "7000.00", repo));
        opportunities.publish(current.getId());
        current = opportunities.get(current.getId());
        Proposal p = fx.propose(current, regular);

        SplittingInputs in = splitting.supplierView(current.getId(), p.getId());

        assertThat(in.splittingScope()).isEqualTo("SUPPLIER");
        assertThat(in.supplierAwardCount()).isEqualTo(1);
        assertThat(in.supplierAwardValue()).isEqualByComparingTo("3000.00");
        assertThat(in.supplierCumulativeValue()).isEqualByComparingTo("5000.00");
        assertThat(in.sameTeamCount()).isEqualTo(1);

        fx.advance(Duration.ofDays(100)); // the awards (at their proposal deadlines, 7 days in) leave the window
        SplittingInputs later = splitting.supplierView(current.getId(), p.getId());
        assertThat(later.supplierAwardCount()).isZero();
        assertThat(later.supplierCumulativeValue()).isEqualByComparingTo("0.00");
    }

    private void awardTo(Supplier supplier, String team, String value) {
        Opportunity o = opportunities.registerRequest(fx.request(team, value, "local://other/" + UUID.randomUUID()));
        opportunities.publish(o.getId());
        o = opportunities.get(o.getId());
        Proposal p = fx.propose(o, supplier);
        java.time.Instant back = fx.clock.instant();
        fx.closeProposals(o);
        fx.evaluate(o, List.of(p), List.of());
        fx.evaluations.drawWinner(o.getId());
        contracts.award(o.getId(), p.getId());
        fx.clock.set(back);
    }
}
