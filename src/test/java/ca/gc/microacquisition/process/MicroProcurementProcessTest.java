package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import ca.gc.microacquisition.adapters.payment.sandbox.SandboxCardChargeRepository;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.contract.ContractStatus;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.payment.PaymentService;
import ca.gc.microacquisition.process.ProcessScenario.Team;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of the MicroProcurement process, run on the real engine, models, domain and offline adapters.
 * The process test coverage report (target/process-test-coverage) must show at least 99% of flow nodes and
 * sequence flows covered by this class.
 */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=processtest")
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, MicroProcurementProcessTest.Coverage.class, ProcessScenario.class})
@TestExecutionListeners(
        listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MicroProcurementProcessTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Coverage {
        @Bean
        @Primary
        ProcessEngineCoverageProperties processCoverageAtLeastNinetyNinePercent() {
            return ProcessEngineCoverageProperties.builder()
                    .assertClassCoverageAtLeast(0.99)
                    .build();
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    ProcessScenario scenario;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    ca.gc.microacquisition.opportunity.QuestionService questions;

    @Autowired
    ContractService contracts;

    @Autowired
    PaymentService payments;

    @Autowired
    SandboxCardChargeRepository ledger;

    @Autowired
    PayeeService payees;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    StepDeadlines stepDeadlines;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        // every path runs with late colleagues: each step's reminder and due date pass before it is done, and the
        // procurement goes on unchanged (the timers are non-interrupting)
        scenario.stepsRunLate(true);
    }

    @AfterEach
    void onTime() {
        scenario.stepsRunLate(false);
    }

    // ------------------------------------------------------------------ no step waits forever

    @Test
    void everyHumanStep_hasItsDueDateFromThePolicyTable_remindsItsHolder_thenEscalates_andKeepsTheTask() {
        Team team = scenario.newTeam();
        if (identityService.createGroupQuery().groupId("managers").count() == 0) {
            var group = identityService.newGroup("managers");
            group.setName("Managers");
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        scenario.addMember("managers", "manager-on-duty-" + team.requester());
        ProcessInstance pi = scenario.startAndCheck(team);
        var task = scenario.task(pi, "AttestCapacity");
        Duration remind = stepDeadlines.of("AttestCapacity").remindAfter();
        Duration due = stepDeadlines.of("AttestCapacity").dueAfter();
        assertThat(remind).isEqualTo(Duration.ofDays(2));
        assertThat(due).isEqualTo(Duration.ofDays(5));
        assertThat(Duration.between(
                        task.getCreateTime().toInstant(), task.getDueDate().toInstant()))
                .isBetween(due.minusSeconds(5), due.plusSeconds(5));
        assertThat(Duration.between(
                        task.getCreateTime().toInstant(), task.getFollowUpDate().toInstant()))
                .isBetween(remind.minusSeconds(5), remind.plusSeconds(5));
        assertThat(scenario.stepTimer(pi, "AttestCapacity", "Overdue").getDuedate())
                .isCloseTo(task.getDueDate(), 5000);
        assertThat(scenario.stepTimer(pi, "AttestCapacity", "Reminder").getDuedate())
                .isCloseTo(task.getFollowUpDate(), 5000);

        // the table is read once for the task (dates and timers alike)
        assertThat(historyService
                        .createHistoricDecisionInstanceQuery()
                        .processInstanceId(pi.getId())
                        .decisionDefinitionKey("StepDeadlines")
                        .activityIdIn("AttestCapacity")
                        .count())
                .isEqualTo(1);

        // nobody has claimed it: the reminder goes to every manager
        managementService.executeJob(
                scenario.stepTimer(pi, "AttestCapacity", "Reminder").getId());
        assertThat(pi).hasPassed("EndEvent_AttestCapacity_Reminded").isWaitingAt("AttestCapacity");
        List<String> managers = identityService.createUserQuery().memberOfGroup("managers").list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId)
                .toList();
        assertThat(outbox(pi, "STEP_REMINDER", "Attest in-house capacity"))
                .containsExactlyInAnyOrderElementsOf(
                        managers.stream().map(id -> "user:" + id).toList());

        // claimed, then overdue: the managers (the escalation group) and the assignee are told; the task stays
        scenario.as("manager", "managers", () -> {
            scenario.taskService.claim(task.getId(), "manager");
            return null;
        });
        managementService.executeJob(
                scenario.stepTimer(pi, "AttestCapacity", "Overdue").getId());
        assertThat(pi).hasPassed("EndEvent_AttestCapacity_Escalated").isWaitingAt("AttestCapacity");
        assertThat(scenario.task(pi, "AttestCapacity").getAssignee()).isEqualTo("manager");
        assertThat(outbox(pi, "STEP_OVERDUE", "Attest in-house capacity"))
                .contains("user:manager-on-duty-" + team.requester(), "user:manager");
        assertThat(jdbc.queryForList(
                        "select body from notification_outbox where reference = ? and kind = 'STEP_OVERDUE'",
                        String.class,
                        pi.getBusinessKey()))
                .allSatisfy(body ->
                        assertThat(body).contains("Attest in-house capacity").contains("it is assigned to manager"));

        // and the procurement goes on as if nothing happened
        scenario.complete(
                pi,
                "AttestCapacity",
                "manager",
                "managers",
                Map.of(
                        "capacityAttestation", "CAPACITY_UNAVAILABLE",
                        "capacityRationale", "Checked with the two development teams: nobody is free this quarter."));
        assertThat(pi).isWaitingAt("CommitFunds");
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .activityId("BoundaryEvent_AttestCapacity_Overdue")
                        .count())
                .isZero();
    }

    @Test
    void acceptance_isDueWithinTheFaaSection34Limit_andTheRequesterIsRemindedFirst() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");
        scenario.deliverCleanWork(pi, team);
        var task = scenario.task(pi, "AcceptWork");
        assertThat(Duration.between(
                        task.getCreateTime().toInstant(), task.getDueDate().toInstant()))
                .isBetween(
                        Duration.ofDays(10).minusSeconds(5), Duration.ofDays(10).plusSeconds(5));
        managementService.executeJob(
                scenario.stepTimer(pi, "AcceptWork", "Reminder").getId());
        assertThat(outbox(pi, "STEP_REMINDER", "Accept work")).containsExactly("user:" + team.requester());
        assertThat(pi).isWaitingAt("AcceptWork");
    }

    /** Recipients of the messages of this kind about this procurement's step (task name starting with stepName). */
    private List<String> outbox(ProcessInstance pi, String kind, String stepName) {
        return jdbc.queryForList(
                "select recipient from notification_outbox where reference = ? and kind = ?" + " and subject like ?",
                String.class,
                pi.getBusinessKey(),
                kind,
                "%: " + stepName + "%");
    }

    // ------------------------------------------------------------------ happy path

    @Test
    void happyPath_fromRequestToPayment() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);

        assertThat(pi.getBusinessKey()).matches("MA-\\d{4}-\\d{4}");
        assertThat(pi)
                .isWaitingAt("AttestCapacity", "WithdrawRequest")
                .hasPassed("Task_InspectRepository", "Task_CheckEligibility")
                .variables()
                .containsEntry("eligible", true)
                .containsEntry("requester", team.requester());
        // Task names say the procurement, so that a list of tasks can be told apart.
        assertThat(scenario.task(pi, "AttestCapacity").getName())
                .isEqualTo("Attest in-house capacity — " + pi.getBusinessKey()
                        + ": Add a French translation to the widget");

        scenario.attestAndCommit(pi, "pm_card_visa");
        assertThat(pi)
                .hasPassed("Task_CheckRequestSplitting", "Task_PublishOpportunity")
                .isWaitingAt("Gateway_ProposalOrDeadline")
                .variables()
                .containsEntry("splittingRisk", "NONE")
                .doesNotContainKey("paymentMethod");
        UUID opportunityId = UUID.fromString((String) runtimeService.getVariable(pi.getId(), "opportunityId"));
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.OPEN);

        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.propose(pi, scenario.newSupplier("fr"));
        assertThat(pi).hasPassed("Task_AcknowledgeProposal").variables().containsEntry("proposalsReceived", 2);

        scenario.deadlinePasses(pi);
        assertThat(pi).isWaitingAt("EvaluateProposals").variables().containsEntry("proposalCount", 2);

        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi)
                .hasPassed(
                        "Task_DrawWinner",
                        "EndEvent_SupplierSelected",
                        "Task_CheckSupplierSplitting",
                        "Task_AwardContract")
                .isWaitingAt("Gateway_AwaitDelivery");
        assertThat(pi)
                .variables()
                .containsKeys("drawSeed", "selectedProposalId", "contractId", "dueDate")
                .containsEntry("passingCount", 2);

        scenario.deliverCleanWork(pi, team);
        assertThat(pi)
                .hasPassed("Task_InspectDelivery", "Task_CheckQaGate")
                .isWaitingAt("AcceptWork")
                .variables()
                .containsEntry("qaOutcome", "PASS");

        scenario.accept(pi, team);
        assertThat(pi)
                .isEnded()
                .hasPassed("Task_RecordAcceptance", "Task_PayByCard", "Task_CloseOut", "EndEvent_Completed");
        assertThat(historyVariable(pi, "paymentStatus")).isEqualTo("SUCCEEDED");
        UUID contractId = UUID.fromString((String) historyVariable(pi, "contractId"));
        assertThat(contracts.get(contractId).getStatus()).isEqualTo(ContractStatus.CLOSED);
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.COMPLETED);
        assertThat(ledger.findAll().stream()
                        .filter(c ->
                                c.getDescription() != null && c.getDescription().contains(pi.getBusinessKey())))
                .hasSize(1);
    }

    // ------------------------------------------------------------------ before posting

    @Test
    void ineligibleRequest_listsEveryReason_andIsReferred() {
        Team team = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        request.put("securityClassification", "PROTECTED_B");
        request.put("remoteWork", false);
        request.put("containsPersonalInformation", true);
        ProcessInstance pi = scenario.start(team, request);
        scenario.runJobs(pi);

        assertThat(pi).isWaitingAt("ReviewIneligibility").variables().containsEntry("eligible", false);
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) runtimeService.getVariable(pi.getId(), "ineligibilityReasons");
        assertThat(reasons).hasSize(3);

        scenario.complete(
                pi, "ReviewIneligibility", team.requester(), "requesters", Map.of("ineligibilityAcknowledged", true));
        assertThat(pi).isEnded().hasPassed("Task_ReferToRegularProcurement", "EndEvent_ReferredToRegularProcurement");
    }

    @Test
    void invalidRequest_isRefusedWithEveryProblem_andStartsNothing() {
        Team team = scenario.newTeam();
        Map<String, Object> request = scenario.request(team);
        request.put("estimatedValue", "0");
        request.put("proposalDeadline", "2020-01-01T12:00:00Z");
        long before = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("MicroProcurement")
                .count();

        assertThatThrownBy(() -> scenario.start(team, request))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                .hasMessageContaining("estimatedValue")
                .hasMessageContaining("proposalDeadline");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("MicroProcurement")
                        .count())
                .isEqualTo(before);
    }

    @Test
    void capacityExistsInHouse_closesTheRequest() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.complete(
                pi,
                "AttestCapacity",
                "manager",
                "managers",
                Map.of(
                        "capacityAttestation",
                        "CAPACITY_EXISTS",
                        "capacityRationale",
                        "The data team can do this next sprint."));
        assertThat(pi).isEnded().hasPassed("Task_CloseRequestNotPosted", "EndEvent_ClosedBeforePosting");
        assertThat(historyVariable(pi, "closeReason")).isEqualTo("CAPACITY_EXISTS");
    }

    @Test
    void fundsNotAvailable_closesTheRequest() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.complete(
                pi,
                "AttestCapacity",
                "manager",
                "managers",
                Map.of(
                        "capacityAttestation",
                        "CAPACITY_UNAVAILABLE",
                        "capacityRationale",
                        "Nobody in-house knows this framework."));
        scenario.complete(pi, "CommitFunds", "manager", "managers", Map.of("fundsDecision", "NOT_AVAILABLE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ClosedBeforePosting");
        assertThat(historyVariable(pi, "closeReason")).isEqualTo("FUNDS_NOT_AVAILABLE");
    }

    @Test
    void requesterCannotAttestTheirOwnRequest() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        assertThatThrownBy(() -> scenario.complete(
                        pi,
                        "AttestCapacity",
                        team.requester(),
                        "managers",
                        Map.of(
                                "capacityAttestation",
                                "CAPACITY_UNAVAILABLE",
                                "capacityRationale",
                                "Nobody in-house knows this framework.")))
                .hasMessageContaining("another manager");
        assertThat(pi).isWaitingAt("AttestCapacity");
    }

    @Test
    void splittingReview_approvedByOfficer_isPosted() {
        Team team = scenario.newTeam();
        scenario.startAndCheck(team); // an earlier request for the same repository, still open
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        assertThat(pi).isWaitingAt("ReviewSplittingReferral").variables().containsEntry("splittingRisk", "REVIEW");

        scenario.complete(
                pi,
                "ReviewSplittingReferral",
                "officer",
                "procurement-officers",
                Map.of(
                        "splittingDecision",
                        "APPROVE",
                        "splittingRationale",
                        "Different features of the same repository."));
        assertThat(pi).hasPassed("Task_PublishOpportunity").isWaitingAt("Gateway_ProposalOrDeadline");
    }

    @Test
    void splittingReview_rejectedByOfficer_isClosed() {
        Team team = scenario.newTeam();
        scenario.startAndCheck(team);
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.complete(
                pi,
                "ReviewSplittingReferral",
                "officer",
                "procurement-officers",
                Map.of(
                        "splittingDecision",
                        "REJECT",
                        "splittingRationale",
                        "This continues the earlier request: combine them."));
        assertThat(pi).isEnded().hasPassed("EndEvent_ClosedBeforePosting");
        assertThat(historyVariable(pi, "closeReason")).isEqualTo("SPLITTING_REJECTED");
    }

    @Test
    void splittingBlock_closesTheRequest() {
        Team team = scenario.newTeam();
        Map<String, Object> earlier = scenario.request(team);
        earlier.put("estimatedValue", "6000.00");
        scenario.runJobs(scenario.start(team, earlier));
        Map<String, Object> request = scenario.request(team);
        request.put("estimatedValue", "5000.00");
        ProcessInstance pi = scenario.start(team, request);
        scenario.runJobs(pi);
        scenario.attestAndCommit(pi, "pm_card_visa");
        assertThat(pi).isEnded().hasPassed("Task_CheckRequestSplitting", "EndEvent_ClosedBeforePosting");
        assertThat(historyVariable(pi, "splittingRisk")).isEqualTo("BLOCK");
    }

    // ------------------------------------------------------------------ proposals and evaluation

    @Test
    void noProposals_requesterReposts_thenWorkIsAwarded() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.deadlinePasses(pi);
        assertThat(pi).isWaitingAt("DecideOnNoProposals").variables().containsEntry("proposalCount", 0);

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

        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi).hasPassed("Task_AwardContract");
    }

    @Test
    void nonePassing_requesterCancels() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID supplier = scenario.newSupplier("fr");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "FAIL");
        assertThat(pi).isWaitingAt("DecideOnNoProposals").variables().containsEntry("passingCount", 0);

        scenario.complete(
                pi,
                "DecideOnNoProposals",
                team.requester(),
                "requesters",
                Map.of("noProposalsDecision", "CANCEL", "decisionNote", "The work is no longer needed this year."));
        assertThat(pi).isEnded().hasPassed("EndEvent_RequestCancelled", "Task_CancelOpportunity", "EndEvent_Cancelled");
    }

    @Test
    void supplierQuestions_areAnsweredPubliclyByTheRequester() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID supplier = scenario.newSupplier("fr");
        questions.askQuestion(pi.getBusinessKey(), supplier, "Can the translation use Canadian French spelling?");
        questions.askQuestion(pi.getBusinessKey(), supplier, "Is a glossary of terms available?");
        assertThat(scenario.taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("AnswerQuestions")
                        .count())
                .isEqualTo(2);

        for (var task : scenario.taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("AnswerQuestions")
                .list()) {
            assertThat(scenario.taskService.getVariableLocal(task.getId(), "questionText"))
                    .asString()
                    .endsWith("?");
            scenario.as(team.requester(), "requesters", () -> {
                scenario.taskService.complete(
                        task.getId(), Map.of("answer", "Yes: follow the Government of Canada style guide."));
                return null;
            });
        }
        UUID opportunityId = UUID.fromString((String) runtimeService.getVariable(pi.getId(), "opportunityId"));
        assertThat(questions.publicQuestions(opportunityId))
                .hasSize(2)
                .allSatisfy(q -> assertThat(q.getAnswer()).startsWith("Yes"));
        assertThat(pi).isWaitingAt("Gateway_ProposalOrDeadline").hasPassed("EndEvent_QuestionAnswered");
    }

    @Test
    void incompleteEvaluation_isRefused() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        assertThatThrownBy(() -> scenario.complete(
                        pi, "EvaluateProposals", "evaluator", "evaluators", Map.of("conflictOfInterestDeclared", true)))
                .hasMessageContaining("PASS");
        assertThat(pi).isWaitingAt("EvaluateProposals");
    }

    @Test
    void requesterWithdrawsBeforeAward() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.complete(
                pi,
                "WithdrawRequest",
                team.requester(),
                "requesters",
                Map.of("withdrawReason", "The team found the capacity after all.", "withdrawConfirmed", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_RequestWithdrawn", "Task_CancelOpportunity", "EndEvent_Cancelled");
    }

    @Test
    void cancelRequestMessage_cancelsDuringProposals() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplier("en"));
        runtimeService
                .createMessageCorrelation("CancelRequest")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("cancelReason", "Priorities changed.")
                .correlate();
        scenario.runJobs(pi);
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_CancelRequest", "EndEvent_Cancelled");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
    }

    @Test
    void questionStillOpenAtTheDeadline_isKept_andAnsweredBeforeTheEvaluation_withANoticeToTheAsker() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID asker = scenario.newSupplier("en");
        questions.askQuestion(pi.getBusinessKey(), asker, "Must the tests run on Java 17 as well as Java 21?");
        scenario.propose(pi, scenario.newSupplier("en"));

        scenario.deadlinePasses(pi);
        // the deadline has passed, but the question is not dropped: the requester still has it, evaluation waits
        assertThat(pi)
                .hasPassed("IntermediateCatchEvent_ProposalDeadline", "EndEvent_ProposalPeriodClosed")
                .hasNotPassed("Task_CloseProposalPeriod")
                .isWaitingAt("AnswerQuestions");
        var task = scenario.taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("AnswerQuestions")
                .singleResult();
        assertThat(task.getAssignee()).isEqualTo(team.requester());
        scenario.as(team.requester(), "requesters", () -> {
            scenario.taskService.complete(task.getId(), Map.of("answer", "Java 17 only."));
            return null;
        });

        assertThat(pi)
                .hasPassed("EndEvent_QuestionAnswered", "Task_CloseProposalPeriod")
                .isWaitingAt("EvaluateProposals");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(questions.publicQuestions(opportunityId))
                .singleElement()
                .satisfies(q -> assertThat(q.getAnswer()).isEqualTo("Java 17 only."));
        assertThat(jdbc.queryForList(
                        "select subject from notification_outbox where reference = ? and kind = 'QUESTION_ANSWERED'",
                        String.class,
                        pi.getBusinessKey()))
                .singleElement()
                .asString()
                .contains(pi.getBusinessKey());
        // in the trail: the answer and who gave it
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("AnswerQuestions")
                        .finished()
                        .singleResult()
                        .getAssignee())
                .isEqualTo(team.requester());
    }

    @Test
    void questionStillOpenAtTheDeadline_canBeClosedWithoutAnswer_theAskerIsToldWhy_andItStaysPrivate() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID asker = scenario.newSupplier("fr");
        questions.askQuestion(pi.getBusinessKey(), asker, "Can the translation be delivered in two parts?");
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        assertThat(pi).isWaitingAt("AnswerQuestions");

        // closing needs a reason; nothing changes without one
        var task = scenario.task(pi, "AnswerQuestions");
        assertThatThrownBy(() -> scenario.as(team.requester(), "requesters", () -> {
                    scenario.taskService.complete(task.getId(), Map.of("questionResponse", "CLOSE"));
                    return null;
                }))
                .hasMessageContaining("Give the reason for closing the question");
        assertThat(pi).isWaitingAt("AnswerQuestions");

        scenario.complete(
                pi,
                "AnswerQuestions",
                team.requester(),
                "requesters",
                Map.of(
                        "questionResponse",
                        "CLOSE",
                        "closeReason",
                        "The deadline has passed and the delivery plan is set by the contract."));
        assertThat(pi)
                .hasPassed("EndEvent_QuestionAnswered", "Task_CloseProposalPeriod")
                .isWaitingAt("EvaluateProposals");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(questions.publicQuestions(opportunityId)).isEmpty();
        assertThat(questions.questions(opportunityId)).singleElement().satisfies(q -> {
            assertThat(q.isClosed()).isTrue();
            assertThat(q.getClosedBy()).isEqualTo(team.requester());
            assertThat(q.getCloseReason())
                    .isEqualTo("The deadline has passed and the delivery plan is set by the contract.");
        });
        assertThat(jdbc.queryForList(
                        "select body from notification_outbox where reference = ? and kind = 'QUESTION_CLOSED'",
                        String.class,
                        pi.getBusinessKey()))
                .singleElement()
                .asString()
                .contains("Motif : The deadline has passed");
        // in the trail: the choice and the reason, with who made it
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("closeReason")
                        .includeDeleted()
                        .list())
                .isNotEmpty();
    }

    @Test
    void cancelRequestMessage_cancelsDuringSupplierSplittingReview_andTellsProponents() {
        Team team = scenario.newTeam();
        ProcessInstance pi = drawnSupplierUnderReview(team, "three");
        assertThat(pi).isWaitingAt("ReviewSupplierSplittingReferral");

        runtimeService
                .createMessageCorrelation("CancelRequest")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("cancelReason", "The work was done by another team.")
                .correlate();
        scenario.runJobs(pi);
        assertThat(pi)
                .isEnded()
                .hasPassed("BoundaryEvent_CancelBeforeAward", "Task_CancelOpportunity", "EndEvent_Cancelled")
                .hasNotPassed("Task_AwardContract");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        var opportunity = opportunities.get(opportunityId);
        assertThat(opportunity.getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
        assertThat(opportunity.getCancelReason()).isEqualTo("The work was done by another team.");
    }

    @Test
    void cancelRequestMessage_cancelsInTheNextCandidateLoop() {
        Team team = scenario.newTeam();
        UUID first = scenario.newSupplier("en");
        UUID second = scenario.newSupplier("en");
        awardTo(team, first, "1000.00", scenario.newRepository(team, "a1"));
        awardTo(team, first, "1000.00", scenario.newRepository(team, "a2"));
        awardTo(team, second, "1000.00", scenario.newRepository(team, "b1"));
        awardTo(team, second, "1000.00", scenario.newRepository(team, "b2"));

        ProcessInstance pi = startWith(team, "1000.00", scenario.newRepository(team, "loop"));
        scenario.attestAndCommit(pi, "pm_card_visa");
        approveRequestSplittingReferralIfAny(pi, "Separate, unrelated pieces of work.");
        scenario.propose(pi, first);
        scenario.propose(pi, second);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi).isWaitingAt("ReviewSupplierSplittingReferral");
        scenario.complete(
                pi,
                "ReviewSupplierSplittingReferral",
                "officer",
                "procurement-officers",
                Map.of(
                        "splittingDecision",
                        "REJECT",
                        "splittingRationale",
                        "The drawn supplier has had this team's work twice."));
        // the next passing proposal is offered, and its supplier is reviewed too
        assertThat(pi).hasPassed("Task_SelectNextCandidate").isWaitingAt("ReviewSupplierSplittingReferral");

        runtimeService
                .createMessageCorrelation("CancelRequest")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("cancelReason", "Budget withdrawn.")
                .correlate();
        scenario.runJobs(pi);
        assertThat(pi)
                .isEnded()
                .hasPassed("BoundaryEvent_CancelBeforeAward", "EndEvent_Cancelled")
                .hasNotPassed("Task_AwardContract");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
    }

    @Test
    void requesterWithdrawsInTasklist_duringTheSupplierSplittingReview() {
        Team team = scenario.newTeam();
        ProcessInstance pi = drawnSupplierUnderReview(team, "w3");
        // the supplier is selected; until the contract is awarded the requester can still withdraw, in Tasklist
        assertThat(pi).isWaitingAt("ReviewSupplierSplittingReferral", "WithdrawBeforeAward");
        assertThat(scenario.task(pi, "WithdrawBeforeAward").getAssignee()).isEqualTo(team.requester());

        scenario.complete(
                pi,
                "WithdrawBeforeAward",
                team.requester(),
                "requesters",
                Map.of("withdrawConfirmed", true, "withdrawReason", "The team found the work already done upstream."));
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "EndEvent_WithdrawnBeforeAward",
                        "BoundaryEvent_WithdrawnBeforeAward",
                        "Task_CancelOpportunity",
                        "EndEvent_Cancelled")
                .hasNotPassed("Task_AwardContract");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        var opportunity = opportunities.get(opportunityId);
        assertThat(opportunity.getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
        assertThat(opportunity.getCancelReason()).isEqualTo("The team found the work already done upstream.");
        assertThat(opportunity.getCancelledBy()).isEqualTo(team.requester());
        assertThat(notices(pi, "OPPORTUNITY_CANCELLED")).isEqualTo(1);
    }

    @Test
    void requesterWithdraws_afterATermination_beforeTheNextAward_andNobodyElseMay() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        UUID firstContract = scenario.contractId(pi);
        // once awarded, the withdrawal is gone with the selection
        assertThat(scenario.taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("WithdrawBeforeAward")
                        .count())
                .isZero();

        scenario.fireTimer(pi);
        scenario.holding(
                List.of("Task_AwardContract"),
                () -> scenario.complete(
                        pi,
                        "HandleLateDelivery",
                        team.requester(),
                        "requesters",
                        Map.of("lateDeliveryDecision", "TERMINATE", "lateDeliveryNote", "Nothing was delivered.")));
        assertThat(contracts.get(firstContract).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        // the next passing proposal is offered: the award waits, and the requester may withdraw again
        assertThat(pi)
                .hasPassed("Task_OfferNextAfterTermination")
                .isWaitingAt("Task_AwardContract", "WithdrawBeforeAward");
        var withdrawal = scenario.task(pi, "WithdrawBeforeAward");
        assertThatThrownBy(() -> scenario.as("manager", "managers", () -> {
                    scenario.taskService.complete(
                            withdrawal.getId(),
                            Map.of(
                                    "withdrawConfirmed",
                                    true,
                                    "withdrawReason",
                                    "A manager tries to withdraw someone else's request."));
                    return null;
                }))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);

        scenario.complete(
                pi,
                "WithdrawBeforeAward",
                team.requester(),
                "requesters",
                Map.of(
                        "withdrawConfirmed",
                        true,
                        "withdrawReason",
                        "After the first supplier failed, we no longer need it."));
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_WithdrawnBeforeAward", "EndEvent_Cancelled");
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from contract where opportunity_id = ?", Long.class, opportunityId))
                .isEqualTo(1L);
    }

    // ------------------------------------------------------------------ supplier-level guardrail

    @Test
    void supplierOverTheThresholdWithTheSameTeam_isBlocked_andNobodyIsLeft() {
        Team team = scenario.newTeam();
        UUID supplier = scenario.newSupplier("en");
        awardTo(team, supplier, "6000.00", scenario.newRepository(team, "first"));

        ProcessInstance pi = startWith(team, "5000.00", scenario.newRepository(team, "second"));
        scenario.attestAndCommit(pi, "pm_card_visa");
        // The team's spend in the window passes $10,000: an officer looks first, and lets it go ahead.
        assertThat(pi).isWaitingAt("ReviewSplittingReferral").variables().containsEntry("splittingRisk", "REVIEW");
        scenario.complete(
                pi,
                "ReviewSplittingReferral",
                "officer",
                "procurement-officers",
                Map.of(
                        "splittingDecision",
                        "APPROVE",
                        "splittingRationale",
                        "A different system; the earlier work is finished."));
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "Task_CheckSupplierSplitting",
                        "Task_SelectNextCandidate",
                        "Task_CloseWithoutSupplier",
                        "EndEvent_NoSupplierAvailable");
    }

    @Test
    void supplierWithRepeatedAwards_isReviewed_andApproved() {
        Team team = scenario.newTeam();
        UUID supplier = scenario.newSupplier("en");
        awardTo(team, supplier, "1000.00", scenario.newRepository(team, "one"));
        awardTo(team, supplier, "1000.00", scenario.newRepository(team, "two"));

        ProcessInstance pi = startWith(team, "1000.00", scenario.newRepository(team, "three"));
        scenario.attestAndCommit(pi, "pm_card_visa");
        assertThat(pi).isWaitingAt("Gateway_ProposalOrDeadline").variables().containsEntry("splittingRisk", "NONE");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi)
                .isWaitingAt("ReviewSupplierSplittingReferral")
                .variables()
                .containsEntry("splittingScope", "SUPPLIER");

        scenario.complete(
                pi,
                "ReviewSupplierSplittingReferral",
                "officer",
                "procurement-officers",
                Map.of(
                        "splittingDecision",
                        "APPROVE",
                        "splittingRationale",
                        "Small, unrelated contracts; the supplier is not favoured."));
        assertThat(pi).hasPassed("Task_AwardContract");
    }

    // ------------------------------------------------------------------ payee

    @Test
    void drawnSupplierWhoCannotBePaid_isToldAndPassedOver_andTheNextPassingProposalIsAwarded() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID first = scenario.newSupplierWithoutPayout("en");
        UUID second = scenario.newSupplierWithoutPayout("fr");
        scenario.propose(pi, first);
        scenario.propose(pi, second);
        // Both are told, when their proposal is acknowledged, that they must set up how they get paid.
        assertThat(notices(pi, "PAYOUT_SETUP_NEEDED")).isEqualTo(2);
        scenario.deadlinePasses(pi);

        // The award waits in the job executor: the drawn supplier still cannot be paid, the other one sets up.
        scenario.holding(List.of("Task_AwardContract"), () -> scenario.evaluate(pi, Map.of(), "PASS"));
        UUID drawn = scenario.selectedSupplier(pi);
        UUID other = drawn.equals(first) ? second : first;
        UUID drawnProposal = UUID.fromString((String) runtimeService.getVariable(pi.getId(), "selectedProposalId"));
        scenario.payouts.ready(other);
        scenario.runJobs(pi);

        assertThat(pi)
                .hasPassed("BoundaryEvent_PayeeNotReady", "Task_SelectNextCandidate", "Task_AwardContract")
                .isWaitingAt("Gateway_AwaitDelivery");
        assertThat(scenario.selectedSupplier(pi)).isEqualTo(other);
        assertThat(contracts.get(scenario.contractId(pi)).getSupplierId()).isEqualTo(other);
        assertThat(scenario.proposals.get(drawnProposal).getStatus().name()).isEqualTo("SKIPPED");
        assertThat(notices(pi, "PAYOUT_NOT_READY")).isEqualTo(1);

        // The card payment is a destination charge to the awarded supplier's connected account.
        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);
        assertThat(pi).isEnded().hasPassed("EndEvent_Completed");
        var charge = ledger.findAll().stream()
                .filter(c -> c.getDescription() != null && c.getDescription().contains(pi.getBusinessKey()))
                .findFirst()
                .orElseThrow();
        assertThat(charge.getPayeeReference())
                .isEqualTo(payees.readiness(other).accountId())
                .startsWith("acct_sandbox_");
    }

    @Test
    void onlySupplierCannotBePaid_isPassedOver_andTheRequestClosesWithoutSupplier() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplierWithoutPayout("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "BoundaryEvent_PayeeNotReady",
                        "Task_SelectNextCandidate",
                        "EndEvent_NoSupplierLeft",
                        "BoundaryEvent_NoSupplierLeft",
                        "Task_CloseWithoutSupplier")
                .hasNotPassed("Gateway_AwaitDelivery");
        assertThat(historyVariable(pi, "skipReason")).isEqualTo("PAYEE_NOT_READY");
    }

    @Test
    void supplierPaidByPayPal_isAwarded_andFinancePaysThePayPalAddressByHand() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        UUID supplier = scenario.newSupplierWithoutPayout("en");
        payees.preferPayPal(supplier, "Freelancer@Example.com");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi).hasPassed("Task_AwardContract").isWaitingAt("Gateway_AwaitDelivery");
        UUID contractId = scenario.contractId(pi);
        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);

        // No card charge: finance gets the payout to make, with the supplier's PayPal address.
        assertThat(pi)
                .isWaitingAt("ResolvePayment")
                .variables()
                .containsEntry("paymentStatus", "PAYPAL_PAYOUT_DUE")
                .containsEntry("paypalAddress", "freelancer@example.com");
        assertThat(ledger.findAll().stream()
                        .filter(c ->
                                c.getDescription() != null && c.getDescription().contains(pi.getBusinessKey())))
                .isEmpty();
        scenario.complete(
                pi,
                "ResolvePayment",
                "finance",
                "finance",
                Map.of(
                        "paymentResolution",
                        "RECORD_MANUAL",
                        "manualPaymentReference",
                        "PayPal payout batch 5UXD2E8A7EBQJ"));
        assertThat(pi).isEnded().hasPassed("Task_RecordManualPayment", "EndEvent_Completed");
        assertThat(payments.latestFor(contractId).orElseThrow().getStatus().name())
                .isEqualTo("MANUAL");
    }

    private long notices(ProcessInstance pi, String kind) {
        Long n = jdbc.queryForObject(
                "select count(*) from notification_outbox where reference = ? and kind = ?",
                Long.class,
                pi.getBusinessKey(),
                kind);
        return n == null ? 0 : n;
    }

    // ------------------------------------------------------------------ delivery

    @Test
    void lateDelivery_extended_thenTerminated_andTheNextPassingProposalIsAwarded() {
        Team team = scenario.newTeam();
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        UUID firstSupplier = scenario.selectedSupplier(pi);
        UUID firstContract = scenario.contractId(pi);

        scenario.fireTimer(pi);
        assertThat(pi).isWaitingAt("HandleLateDelivery");
        scenario.complete(
                pi,
                "HandleLateDelivery",
                team.requester(),
                "requesters",
                Map.of(
                        "lateDeliveryDecision",
                        "EXTEND",
                        "newDueDate",
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).toString()));
        assertThat(pi).hasPassed("Task_ExtendDueDate").isWaitingAt("Gateway_AwaitDelivery");

        scenario.fireTimer(pi);
        scenario.complete(
                pi,
                "HandleLateDelivery",
                team.requester(),
                "requesters",
                Map.of(
                        "lateDeliveryDecision",
                        "TERMINATE",
                        "lateDeliveryNote",
                        "Nothing was delivered after the extension."));
        assertThat(pi)
                .hasPassed("Task_TerminateContract", "Task_OfferNextAfterTermination", "EndEvent_ContractAwarded")
                .isWaitingAt("Gateway_AwaitDelivery");
        assertThat(contracts.get(firstContract).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(scenario.selectedSupplier(pi)).isNotEqualTo(firstSupplier);

        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);
        assertThat(pi).isEnded().hasPassed("EndEvent_Completed");
    }

    @Test
    void lateDelivery_terminated_withNoOtherPassingProposal_closesWithoutSupplier() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");
        UUID contract = scenario.contractId(pi);
        scenario.fireTimer(pi);
        scenario.complete(
                pi,
                "HandleLateDelivery",
                team.requester(),
                "requesters",
                Map.of(
                        "lateDeliveryDecision",
                        "TERMINATE",
                        "lateDeliveryNote",
                        "Nothing was delivered by the due date."));
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "Task_TerminateContract",
                        "Task_OfferNextAfterTermination",
                        "Task_CloseWithoutSupplier",
                        "EndEvent_NoSupplierAvailable");
        assertThat(contracts.get(contract).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        UUID opportunityId = UUID.fromString((String) historyVariable(pi, "opportunityId"));
        assertThat(opportunities.get(opportunityId).getStatus()).isEqualTo(OpportunityStatus.CANCELLED);
    }

    @Test
    void qaFail_secretInTheChange_sendsItBack_thenCleanWorkPasses() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");

        scenario.deliver(pi, team, "feature/leaky", Map.of("config/app.properties", "aws.key=AKIAIOSFODNN7EXAMPLE\n"));
        assertThat(pi).hasPassed("Task_CheckQaGate", "Task_RequestChanges").isWaitingAt("Gateway_AwaitDelivery");
        assertThat(historyVariable(pi, "qaOutcome")).isEqualTo("FAIL");

        scenario.deliverCleanWork(pi, team);
        assertThat(pi).isWaitingAt("AcceptWork").variables().containsEntry("qaOutcome", "PASS");
    }

    @Test
    void qaReview_highFinding_approvedByQaReviewer() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");
        scenario.deliver(
                pi,
                team,
                "feature/with-findings",
                Map.of("src/messages_fr.properties", "greeting=Bonjour\n", "results.sarif", SARIF_WITH_HIGH_FINDING));
        assertThat(pi).isWaitingAt("ReviewQaFindings").variables().containsEntry("qaOutcome", "REVIEW");

        scenario.complete(
                pi,
                "ReviewQaFindings",
                "qa",
                "qa-reviewers",
                Map.of("qaDecision", "APPROVE", "qaReviewNote", "The finding is in test code and cannot be reached."));
        assertThat(pi).isWaitingAt("AcceptWork");
    }

    @Test
    void qaReview_changesRequestedByQaReviewer() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");
        scenario.deliver(pi, team, "feature/with-findings", Map.of("results.sarif", SARIF_WITH_HIGH_FINDING));
        scenario.complete(
                pi,
                "ReviewQaFindings",
                "qa",
                "qa-reviewers",
                Map.of("qaDecision", "REQUEST_CHANGES", "qaReviewNote", "Escape the user input before logging it."));
        assertThat(pi).hasPassed("Task_RequestChanges").isWaitingAt("Gateway_AwaitDelivery");
    }

    @Test
    void acceptance_changesRequested_thenAccepted() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_visa");
        scenario.deliverCleanWork(pi, team);
        scenario.complete(
                pi,
                "AcceptWork",
                team.requester(),
                "requesters",
                Map.of(
                        "acceptanceDecision",
                        "REQUEST_CHANGES",
                        "acceptanceNote",
                        "The farewell message is missing its accent."));
        assertThat(pi).hasPassed("Task_RequestChanges").isWaitingAt("Gateway_AwaitDelivery");

        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);
        assertThat(pi).isEnded().hasPassed("EndEvent_Completed");
    }

    // ------------------------------------------------------------------ payment

    @Test
    void paymentDeclined_financeRetriesWithAnotherCard() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_chargeDeclined");
        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);
        assertThat(pi)
                .hasPassed("BoundaryEvent_PaymentDeclined")
                .isWaitingAt("ResolvePayment")
                .variables()
                .containsEntry("paymentStatus", "DECLINED");

        scenario.complete(
                pi,
                "ResolvePayment",
                "finance",
                "finance",
                Map.of("paymentResolution", "RETRY", "paymentMethod", "pm_card_visa"));
        assertThat(pi).isEnded().hasPassed("Task_PreparePaymentRetry", "EndEvent_Completed");
        assertThat(historyVariable(pi, "paymentStatus")).isEqualTo("SUCCEEDED");
    }

    @Test
    void paymentDeclined_financeRecordsAPaymentMadeAnotherWay() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_chargeDeclinedInsufficientFunds");
        scenario.deliverCleanWork(pi, team);
        scenario.accept(pi, team);
        scenario.complete(
                pi,
                "ResolvePayment",
                "finance",
                "finance",
                Map.of("paymentResolution", "RECORD_MANUAL", "manualPaymentReference", "PAYPAL-7HG2"));
        assertThat(pi).isEnded().hasPassed("Task_RecordManualPayment", "EndEvent_Completed");
    }

    @Test
    void processorOutage_isRetried_thenBecomesAnIncident_withoutCharging() {
        Team team = scenario.newTeam();
        ProcessInstance pi = awardedProcurement(team, "pm_card_sandboxUnavailable");
        scenario.deliverCleanWork(pi, team);
        String acceptTask = scenario.task(pi, "AcceptWork").getId();
        scenario.as(team.requester(), "requesters", () -> {
            scenario.taskService.complete(
                    acceptTask, Map.of("acceptanceDecision", "ACCEPT", "section34Certified", true));
            return null;
        });

        Job payment = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Task_PayByCard")
                .singleResult();
        for (int attempt = 0; attempt < 5; attempt++) {
            String jobId = payment.getId();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("unavailable");
        }
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_PayByCard")
                        .count())
                .isEqualTo(1);

        // Nothing was charged; the attempt and its idempotency key wait for the retry an operator starts in Cockpit.
        UUID contractId = UUID.fromString((String) runtimeService.getVariable(pi.getId(), "contractId"));
        assertThat(payments.latestFor(contractId)).get().satisfies(attempt -> {
            assertThat(attempt.getStatus().name()).isEqualTo("PENDING");
            assertThat(attempt.getIdempotencyKey()).isEqualTo("contract-" + contractId + "-attempt-1");
        });
        assertThat(ledger.findAll().stream()
                        .filter(c ->
                                c.getDescription() != null && c.getDescription().contains(pi.getBusinessKey())))
                .isEmpty();
        assertThat(pi).isWaitingAt("Task_PayByCard");
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance startWith(Team team, String value, String repositoryUrl) {
        Map<String, Object> request = scenario.request(team);
        request.put("estimatedValue", value);
        request.put("repositoryUrl", repositoryUrl);
        ProcessInstance pi = scenario.start(team, request);
        scenario.runJobs(pi);
        return pi;
    }

    /** A procurement of the team with one passing proposal, awarded and waiting for delivery. */
    /**
     * A procurement whose drawn supplier has had this team's work twice already, so that an officer reviews it
     * before award ({@code ReviewSupplierSplittingReferral}); the repositories are named after {@code name}.
     */
    private ProcessInstance drawnSupplierUnderReview(Team team, String name) {
        UUID supplier = scenario.newSupplier("en");
        awardTo(team, supplier, "1000.00", scenario.newRepository(team, name + "-earlier-1"));
        awardTo(team, supplier, "1000.00", scenario.newRepository(team, name + "-earlier-2"));
        ProcessInstance pi = startWith(team, "1000.00", scenario.newRepository(team, name));
        scenario.attestAndCommit(pi, "pm_card_visa");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        return pi;
    }

    /** An officer approves the request's splitting referral, when the guardrail referred it. */
    private void approveRequestSplittingReferralIfAny(ProcessInstance pi, String rationale) {
        if (runtimeService
                        .createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .activityId("ReviewSplittingReferral")
                        .count()
                > 0) {
            scenario.complete(
                    pi,
                    "ReviewSplittingReferral",
                    "officer",
                    "procurement-officers",
                    Map.of("splittingDecision", "APPROVE", "splittingRationale", rationale));
        }
    }

    private ProcessInstance awardedProcurement(Team team, String paymentMethod) {
        ProcessInstance pi = scenario.startAndCheck(team);
        scenario.attestAndCommit(pi, paymentMethod);
        scenario.propose(pi, scenario.newSupplier("en"));
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        assertThat(pi).isWaitingAt("Gateway_AwaitDelivery");
        return pi;
    }

    private void awardTo(Team team, UUID supplier, String value, String repositoryUrl) {
        ProcessInstance pi = startWith(team, value, repositoryUrl);
        scenario.attestAndCommit(pi, "pm_card_visa");
        approveRequestSplittingReferralIfAny(pi, "Separate, unrelated pieces of work.");
        scenario.propose(pi, supplier);
        scenario.deadlinePasses(pi);
        scenario.evaluate(pi, Map.of(), "PASS");
        if (runtimeService
                        .createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .activityId("ReviewSupplierSplittingReferral")
                        .count()
                > 0) {
            scenario.complete(
                    pi,
                    "ReviewSupplierSplittingReferral",
                    "officer",
                    "procurement-officers",
                    Map.of(
                            "splittingDecision",
                            "APPROVE",
                            "splittingRationale",
                            "Separate, unrelated pieces of work."));
        }
        assertThat(pi).hasPassed("Task_AwardContract");
    }

    private Object historyVariable(ProcessInstance pi, String name) {
        var variable = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult();
        return variable == null ? null : variable.getValue();
    }

    static final String SARIF_WITH_HIGH_FINDING = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","rules":[{"id":"java/log-injection",
            "properties":{"security-severity":"7.8"}}]}},"results":[{"ruleId":"java/log-injection","level":"error",
            "message":{"text":"This log entry depends on a user-provided value."},
            "locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/Main.java"},"region":{"startLine":12}}}]}]}]}
            """;
}
