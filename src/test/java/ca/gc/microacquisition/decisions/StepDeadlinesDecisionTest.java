package ca.gc.microacquisition.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.Duties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deadlines of the human steps ({@code processes/StepDeadlines.dmn}), rule by rule. */
class StepDeadlinesDecisionTest {

    private static DecisionTableRunner table;

    @BeforeAll
    static void load() {
        table = DecisionTableRunner.load("StepDeadlines");
    }

    @ParameterizedTest(name = "{0}: remind after {1}, due after {2}, escalate to {3}")
    @CsvSource({
        "ReviewIneligibility, P2D, P5D, managers",
        "AttestCapacity, P2D, P5D, managers",
        "CommitFunds, P2D, P5D, managers",
        "ReviewSplittingReferral, P2D, P5D, procurement-officers",
        "AnswerQuestions, PT24H, P2D, managers",
        "DecideOnNoProposals, P2D, P5D, managers",
        "EvaluateProposals, P2D, P5D, evaluators",
        "ReviewSupplierSplittingReferral, P2D, P5D, procurement-officers",
        "HandleLateDelivery, P2D, P5D, managers",
        "ReviewQaFindings, P2D, P5D, qa-reviewers",
        "AcceptWork, P3D, P10D, managers",
        "ResolvePayment, P1D, P3D, finance"
    })
    void eachStepHasItsOwnRule(String step, String remind, String due, String group) {
        DecisionTableRunner.Evaluation result = table.evaluate(Map.of("step", step));
        assertThat(result.ruleIds()).containsExactly("Rule_" + step);
        assertThat(result.column("remindAfter")).containsExactly(remind);
        assertThat(result.column("dueAfter")).containsExactly(due);
        assertThat(result.column("escalateTo")).containsExactly(group);
    }

    @Test
    void anyOtherStep_getsTheDefault_fromTheLastRule() {
        DecisionTableRunner.Evaluation result = table.evaluate(Map.of("step", "SomeFutureStep"));
        assertThat(result.ruleIds()).containsExactly("Rule_AnyOtherStep");
        assertThat(result.rows())
                .singleElement()
                .isEqualTo(Map.of("remindAfter", "P2D", "dueAfter", "P5D", "escalateTo", "managers"));
    }

    @Test
    void acceptance_isDueWellWithinTheThirtyDaysOfPaymentOnDueDate() {
        Duration due = Duration.parse((String)
                table.evaluate(Map.of("step", "AcceptWork")).column("dueAfter").get(0));
        assertThat(due).isLessThanOrEqualTo(Duration.ofDays(15));
    }

    @Test
    void everyHumanStepOfTheProcessHasARule_exceptTheWithdrawals_andRemindersComeFirst() {
        List<String> steps = Duties.TASKS.keySet().stream()
                .filter(step -> !step.startsWith("Withdraw"))
                .toList();
        for (String step : steps) {
            DecisionTableRunner.Evaluation result = table.evaluate(Map.of("step", step));
            assertThat(result.ruleIds()).as(step).containsExactly("Rule_" + step);
            Duration remind =
                    Duration.parse((String) result.column("remindAfter").get(0));
            Duration due = Duration.parse((String) result.column("dueAfter").get(0));
            assertThat(remind).as(step).isPositive().isLessThan(due);
        }
        DecisionTable decisionTable = table.model()
                .getModelElementsByType(DecisionTable.class)
                .iterator()
                .next();
        assertThat(decisionTable.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(decisionTable.getRules()).hasSize(steps.size() + 1);
    }
}
