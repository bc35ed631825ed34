package ca.gc.microacquisition.splitting;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.proposal.Proposal;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.rules.RuleChange;
import ca.gc.microacquisition.rules.RuleChangeLog;
import ca.gc.microacquisition.supplier.Supplier;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guardrail end to end on real histories: requests and awards stored over time, the inputs computed from the
 * database with the policy in force, and the latest ContractSplitting table deciding NONE, REVIEW or BLOCK, as the
 * process does (highest risk of the rows that matched). Also: a new SplittingPolicy version applies to the next
 * check.
 */
@DomainTest
class SplittingOutcomeTest {

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

    @Autowired
    DecisionService decisionService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuleChangeLog ruleChanges;

    String team;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
    }

    // ------------------------------------------------------------------ before posting

    @Test
    void aFirstRequestHasNoRisk() {
        Opportunity current = request(team, "9500.00", freshRepository());

        assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("NONE");
    }

    @Test
    void theTeamPassingTheThresholdWithinTheWindowIsReviewed() {
        request(team, "6000.00", freshRepository());
        fx.advance(Duration.ofDays(30));
        Opportunity current = request(team, "4500.00", freshRepository());

        SplittingInputs inputs = splitting.requestView(current.getId());

        assertThat(inputs.sameTeamCount()).isEqualTo(1);
        assertThat(outcome(inputs)).isEqualTo("REVIEW");
        assertThat(reasons(inputs))
                .singleElement()
                .asString()
                .startsWith(
                        "The team already has 1 other request(s)"
                                + " worth $6000.00 in the look-back period; with this request the total passes the $10000.00 threshold.");
    }

    @Test
    void theSameHistoryOutsideTheWindowHasNoRisk() {
        request(team, "6000.00", freshRepository());
        fx.advance(Duration.ofDays(91));
        Opportunity current = request(team, "4500.00", freshRepository());

        assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("NONE");
    }

    @Test
    void theSameRepositoryBoughtAgainPastTheThresholdIsBlocked() {
        String repository = freshRepository();
        request("Other " + team, "7000.00", repository);
        fx.advance(Duration.ofDays(10));
        Opportunity current = request(team, "4000.00", repository + ".git");

        assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("BLOCK");
    }

    @Test
    void repeatedValuesJustUnderTheThresholdAreReviewed() {
        request(team, "9100.00", freshRepository());
        fx.advance(Duration.ofDays(40));
        request(team, "9000.00", freshRepository());
        fx.advance(Duration.ofDays(40));
        Opportunity current = request(team, "9900.00", freshRepository());

        SplittingInputs inputs = splitting.requestView(current.getId());

        assertThat(inputs.nearThresholdCount()).isEqualTo(2);
        assertThat(outcome(inputs)).isEqualTo("REVIEW");
        assertThat(rules(inputs)).contains("close to the $10000.00 threshold");
    }

    // ------------------------------------------------------------------ before award

    @Test
    void aSupplierWithoutEarlierAwardsHasNoRisk() {
        Supplier supplier = fx.supplier("en");
        Opportunity current = posted(team, "8000.00");

        assertThat(outcome(splitting.supplierView(
                        current.getId(), fx.propose(current, supplier).getId())))
                .isEqualTo("NONE");
    }

    @Test
    void twoEarlierAwardsByTheSameTeamAreReviewed() {
        Supplier supplier = fx.supplier("en");
        awardTo(supplier, team, "1000.00");
        awardTo(supplier, team, "1500.00");
        Opportunity current = posted(team, "2000.00");

        SplittingInputs inputs = splitting.supplierView(
                current.getId(), fx.propose(current, supplier).getId());

        assertThat(inputs.supplierAwardCount()).isEqualTo(2);
        assertThat(outcome(inputs)).isEqualTo("REVIEW");
    }

    @Test
    void theSameTeamAndSupplierPastTheThresholdIsBlocked() {
        Supplier supplier = fx.supplier("fr");
        awardTo(supplier, team, "7000.00");
        Opportunity current = posted(team, "3500.00");

        SplittingInputs inputs = splitting.supplierView(
                current.getId(), fx.propose(current, supplier).getId());

        assertThat(inputs.supplierAwardValue()).isEqualByComparingTo("7000.00");
        assertThat(outcome(inputs)).isEqualTo("BLOCK");
    }

    // ------------------------------------------------------------------ CFOB changes the policy

    @Test
    void aNewPolicyVersionAppliesToTheNextCheck() throws IOException {
        request(team, "5500.00", freshRepository());
        fx.advance(Duration.ofDays(40));
        Opportunity current = request(team, "5000.00", freshRepository());
        assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("REVIEW"); // 90 days, $10,000

        String shipped = contractSplitting();
        String shorterWindow = shipped.replace(
                "<outputEntry id=\"Rule_Policy_WindowDays\">\n          <text>90</text>",
                "<outputEntry id=\"Rule_Policy_WindowDays\">\n          <text>30</text>");
        assertThat(shorterWindow).isNotEqualTo(shipped);
        String deployment = deploy(shorterWindow);
        try {
            assertThat(splitting.requestView(current.getId()).sameTeamCount()).isZero();
            assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("NONE");

            RuleChange recorded = ruleChanges.list("SplittingPolicy", 1).get(0);
            assertThat(recorded.deploymentId()).isEqualTo(deployment);
            assertThat(recorded.changes()).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo("RULE_CHANGED");
                assertThat(change.detail()).isEqualTo("output 'windowDays': 90 → 30");
            });
            assertThat(ruleChanges.list("ContractSplitting", 1).get(0).summary())
                    .isEqualTo("No change: same rules as the previous version.");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }

        String higherThreshold = shipped.replace("<text>10000</text>", "<text>12000</text>");
        deployment = deploy(higherThreshold);
        try {
            // Back to 90 days: the earlier request counts again, but $10,500 stays under the new threshold.
            assertThat(splitting.requestView(current.getId()).sameTeamCount()).isOne();
            assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("NONE");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        assertThat(outcome(splitting.requestView(current.getId()))).isEqualTo("REVIEW");
    }

    // ------------------------------------------------------------------ helpers

    private DmnDecisionResult evaluate(SplittingInputs inputs) {
        return decisionService
                .evaluateDecisionByKey("ContractSplitting")
                .variables(inputs.asMap())
                .evaluate();
    }

    /** As the process decides: BLOCK > REVIEW > NONE. */
    private String outcome(SplittingInputs inputs) {
        List<Object> risks = evaluate(inputs).collectEntries("risk");
        return risks.contains("BLOCK") ? "BLOCK" : risks.contains("REVIEW") ? "REVIEW" : "NONE";
    }

    private List<Object> reasons(SplittingInputs inputs) {
        return evaluate(inputs).collectEntries("reason");
    }

    private String rules(SplittingInputs inputs) {
        return String.join(" | ", reasons(inputs).stream().map(Object::toString).toList());
    }

    private Opportunity request(String team, String value, String repository) {
        return opportunities.registerRequest(fx.request(team, value, repository));
    }

    private Opportunity posted(String team, String value) {
        Opportunity o = request(team, value, freshRepository());
        opportunities.publish(o.getId());
        return opportunities.get(o.getId());
    }

    private static String freshRepository() {
        return "local://splitting/" + UUID.randomUUID();
    }

    /** An earlier contract with the supplier, awarded at its proposal deadline; the clock comes back afterwards. */
    private void awardTo(Supplier supplier, String team, String value) {
        Opportunity o = posted(team, value);
        Proposal p = fx.propose(o, supplier);
        Instant back = fx.clock.instant();
        fx.closeProposals(o);
        fx.evaluate(o, List.of(p), List.of());
        fx.evaluations.drawWinner(o.getId());
        contracts.award(o.getId(), p.getId());
        fx.clock.set(back);
    }

    private String deploy(String xml) {
        return repositoryService
                .createDeployment()
                .name("splitting policy test")
                .addString("ContractSplitting.dmn", xml)
                .deploy()
                .getId();
    }

    private static String contractSplitting() throws IOException {
        try (InputStream in =
                SplittingOutcomeTest.class.getClassLoader().getResourceAsStream("processes/ContractSplitting.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
