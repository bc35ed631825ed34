package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.process.ProcessScenario.Team;
import ca.gc.microacquisition.proposal.ProposalService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pilot's figures live in the decision tables only: the limit is read from the policy table by the Eligibility
 * check, a request over it is taken and referred with every reason, and a limit CFOB raises applies to the next
 * request.
 */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=processtest")
@ActiveProfiles("test")
@Import(ProcessScenario.class)
class PilotPolicyProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ProcessScenario scenario;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    ProposalService proposals;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void requestOverTheLimit_isTaken_andReferredWithEveryReason() {
        Team team = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        request.put("estimatedValue", "12000.00");
        request.put("securityClassification", "PROTECTED_A");
        ProcessInstance pi = scenario.start(team, request);
        scenario.runJobs(pi);

        assertThat(pi).isWaitingAt("ReviewIneligibility").variables().containsEntry("eligible", false);
        assertThat(reasons(pi))
                .containsExactly(
                        "The value is over the $10000.00 limit, taxes included: use regular procurement.",
                        "The work is classified PROTECTED_A: only unclassified work can be bought through the pilot; use regular procurement.");
    }

    @Test
    void aLimitRaisedByCfob_appliesToTheNextRequest() throws IOException {
        Team team = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        request.put("estimatedValue", "12000.00");

        String raised = contractSplitting()
                .replace(
                        "<outputEntry id=\"Rule_Policy_Threshold\">\n          <text>10000</text>",
                        "<outputEntry id=\"Rule_Policy_Threshold\">\n          <text>15000</text>");
        String deployment = repositoryService
                .createDeployment()
                .name("CFOB raises the limit")
                .addString("ContractSplitting.dmn", raised)
                .deploy()
                .getId();
        try {
            ProcessInstance pi = scenario.start(team, request);
            scenario.runJobs(pi);
            assertThat(pi).isWaitingAt("AttestCapacity").variables().containsEntry("eligible", true);
            assertThat(runtimeService.getVariable(pi.getId(), "threshold").toString())
                    .startsWith("15000");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }

        ProcessInstance next = scenario.start(team, scenario.request(team));
        Map<String, Object> overShipped = scenario.request(team);
        overShipped.put("estimatedValue", "12000.00");
        ProcessInstance afterRollback = scenario.start(team, overShipped);
        scenario.runJobs(next);
        scenario.runJobs(afterRollback);
        assertThat(afterRollback).isWaitingAt("ReviewIneligibility");
        assertThat(reasons(afterRollback))
                .containsExactly("The value is over the $10000.00 limit, taxes included: use regular procurement.");
    }

    // ------------------------------------------------------------------ teams from the managed list

    @Test
    void aTeamTheRequesterIsNotIn_isRefused_andStartsNothing() {
        Team team = scenario.newTeam();
        Team other = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        request.put("team", other.team());
        long before = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> scenario.start(team, request))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("team")
                .hasMessageContaining("not one of your teams")
                .hasMessageContaining(team.team());
        request.put("team", "A brand new team name");
        assertThatThrownBy(() -> scenario.start(team, request))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("not one of your teams");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void renamingTheTeam_doesNotEscapeTheSplittingHistory() {
        Team team = scenario.newTeam();
        ProcessInstance first = scenario.startAndCheck(team);
        scenario.attestAndCommit(first, "pm_card_visa");

        var group = identityService.createGroupQuery().groupId(team.team()).singleResult();
        group.setName("Renamed squad");
        identityService.saveGroup(group);
        Map<String, Object> second = scenario.request(team);
        second.put("team", "renamed SQUAD");
        second.put("repositoryUrl", scenario.newRepository(team, "other-widget"));
        ProcessInstance pi = scenario.start(team, second);
        scenario.runJobs(pi);
        assertThat(runtimeService.getVariable(pi.getId(), "team")).isEqualTo(team.team());
        scenario.attestAndCommit(pi, "pm_card_visa");

        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("sameTeamCount")
                        .singleResult()
                        .getValue())
                .isEqualTo(1L);
    }

    // ------------------------------------------------------------------ minimum posting period

    @Test
    void aDeadlineUsedUpBeforePosting_movesToTheMinimumPostingPeriod_andTheRequesterIsTold() {
        Team team = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        OffsetDateTime asked = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).withNano(0);
        request.put("proposalDeadline", asked.toString());
        ProcessInstance pi = scenario.start(team, request);
        scenario.runJobs(pi);
        scenario.attestAndCommit(pi, "pm_card_visa");
        assertThat(pi).hasPassed("Task_PublishOpportunity").isWaitingAt("Gateway_ProposalOrDeadline");

        UUID opportunityId = UUID.fromString((String) runtimeService.getVariable(pi.getId(), "opportunityId"));
        OffsetDateTime deadline = opportunities.get(opportunityId).getProposalDeadline();
        // SplittingPolicy minimumPostingHours = 48 as shipped: never less than 48 hours open once posted.
        assertThat(deadline)
                .isAfterOrEqualTo(
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(48).minusMinutes(1));
        assertThat(((java.util.Date) runtimeService.getVariable(pi.getId(), "proposalDeadline")).toInstant())
                .isEqualTo(deadline.toInstant());
        assertThat(((java.util.Date) runtimeService.getVariable(pi.getId(), "proposalDeadlineMovedFrom")).toInstant())
                .isEqualTo(asked.toInstant());
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .activityId("IntermediateCatchEvent_ProposalDeadline")
                        .singleResult()
                        .getDuedate()
                        .toInstant())
                .isEqualTo(deadline.toInstant());
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification_outbox where recipient = ? and kind = ?"
                                + " and reference = ?",
                        Long.class,
                        "user:" + team.requester(),
                        "DEADLINE_MOVED",
                        pi.getBusinessKey()))
                .isEqualTo(1L);
    }

    // ------------------------------------------------------------------ repost opens a fresh round

    @Test
    void repostAfterNonePassing_opensAFreshRound() throws Exception {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID failedBefore = scenario.newSupplier("en");
        UUID earlierProposal = scenario.propose(pi, failedBefore);
        scenario.propose(pi, scenario.newSupplier("fr"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "FAIL");
        assertThat(pi).isWaitingAt("DecideOnNoProposals").variables().containsEntry("passingCount", 0);

        scenario.complete(
                pi,
                "DecideOnNoProposals",
                team.requester(),
                "requesters",
                Map.of(
                        "noProposalsDecision",
                        "REPOST",
                        "newProposalDeadline",
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString()));
        assertThat(pi).hasPassed("Task_RepostOpportunity").isWaitingAt("Gateway_ProposalOrDeadline");

        // The supplier whose proposal failed may send a new one; the earlier one is kept, archived in round 1.
        UUID newProposal = scenario.propose(pi, failedBefore);
        assertThat(proposals.get(newProposal).getRound()).isEqualTo(2);
        assertThat(proposals.get(earlierProposal).getRound()).isEqualTo(1);
        assertThatThrownBy(() -> scenario.propose(pi, failedBefore))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("one proposal per supplier");
        scenario.deadlinePasses(pi);
        assertThat(pi).isWaitingAt("EvaluateProposals").variables().containsEntry("proposalCount", 1);

        // The evaluator sees the new round only.
        Task task = scenario.task(pi, "EvaluateProposals");
        String sheet = taskService
                .getVariable(task.getId(), EvaluationSheetListener.SHEET)
                .toString();
        assertThat(sheet)
                .contains(proposals.get(newProposal).getLabel())
                .doesNotContain("\"" + proposals.get(earlierProposal).getLabel() + "\"");
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi).hasPassed("Task_DrawWinner", "Task_AwardContract");
        assertThat(scenario.selectedSupplier(pi)).isEqualTo(failedBefore);
    }

    @SuppressWarnings("unchecked")
    private List<String> reasons(ProcessInstance pi) {
        return (List<String>) runtimeService.getVariable(pi.getId(), "ineligibilityReasons");
    }

    static String contractSplitting() throws IOException {
        try (InputStream in =
                PilotPolicyProcessTest.class.getClassLoader().getResourceAsStream("processes/ContractSplitting.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
