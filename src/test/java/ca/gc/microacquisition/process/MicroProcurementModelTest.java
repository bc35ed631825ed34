package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process model alone, fast: {@code MicroProcurement.bpmn} on a bare in-memory engine (no Spring, no domain, no
 * adapters), every delegate, listener and bean a mock that records its call and sets what the gateways read; the
 * decision tables are replaced by empty ones (they are tested row by row in {@code decisions/}). Each test drives one
 * path of the model and checks the elements it passes. {@link MicroProcurementProcessTest} runs the same paths on the
 * real service.
 */
class MicroProcurementModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-model-test.cfg.xml")
            .build();

    /** What the mocked steps decide; each test changes what its path needs. */
    private final Map<String, Object> outcomes = new HashMap<>();
    /** The mocked delegates that ran, in order. */
    private final List<String> calls = new ArrayList<>();

    private String deploymentId;

    @BeforeEach
    void deployAndMock() {
        ProcessEngine processEngine = engine.getProcessEngine();
        BpmnAwareTests.init(processEngine);
        var deployment = processEngine
                .getRepositoryService()
                .createDeployment()
                .addClasspathResource("processes/MicroProcurement.bpmn");
        for (String form : List.of(
                "request-work",
                "withdraw-request",
                "review-ineligibility",
                "attest-capacity",
                "commit-funds",
                "review-splitting-referral",
                "answer-question",
                "decide-on-no-proposals",
                "evaluate-proposals",
                "handle-late-delivery",
                "review-qa-findings",
                "accept-work",
                "resolve-payment")) {
            deployment.addClasspathResource("forms/" + form + ".form");
        }
        for (String[] table :
                new String[][] {{"Eligibility", "reason"}, {"ContractSplitting", "risk"}, {"QaGate", "outcome"}}) {
            deployment.addString(table[0] + ".dmn", emptyTable(table[0], table[1]));
        }
        deploymentId = deployment.deploy().getId();

        outcomes.putAll(Map.of(
                "eligible",
                true,
                "splittingRisk",
                "NONE",
                "proposalCount",
                1,
                "passingCount",
                1,
                "qaOutcome",
                "PASS",
                "nextCandidateAvailable",
                false,
                "supplierSplittingRisk",
                "NONE"));
        for (String delegate : List.of(
                "inspectRepositoryDelegate",
                "referRequestDelegate",
                "requestSplittingInputsDelegate",
                "closeRequestDelegate",
                "acknowledgeProposalDelegate",
                "repostOpportunityDelegate",
                "cancelOpportunityDelegate",
                "supplierSplittingInputsDelegate",
                "extendDueDateDelegate",
                "terminateContractDelegate",
                "closeWithoutSupplierDelegate",
                "inspectDeliveryDelegate",
                "requestChangesDelegate",
                "recordAcceptanceDelegate",
                "preparePaymentRetryDelegate",
                "recordManualPaymentDelegate",
                "closeOutDelegate",
                "stepReminderDelegate",
                "stepEscalationDelegate")) {
            Mocks.register(delegate, (JavaDelegate) execution -> calls.add(delegate));
        }
        Mocks.register("publishOpportunityDelegate", (JavaDelegate) execution -> {
            calls.add("publishOpportunityDelegate");
            execution.setVariable("opportunityId", "opportunity-1");
        });
        Mocks.register("closeProposalPeriodDelegate", (JavaDelegate) execution -> {
            calls.add("closeProposalPeriodDelegate");
            execution.setVariable("proposalCount", outcomes.get("proposalCount"));
        });
        Mocks.register("drawWinnerDelegate", (JavaDelegate) execution -> {
            calls.add("drawWinnerDelegate");
            execution.setVariable("selectedProposalId", "proposal-1");
        });
        Mocks.register("selectNextCandidateDelegate", (JavaDelegate) execution -> {
            calls.add("selectNextCandidateDelegate");
            execution.setVariable("nextCandidateAvailable", outcomes.get("nextCandidateAvailable"));
        });
        Mocks.register("awardContractDelegate", (JavaDelegate) execution -> {
            calls.add("awardContractDelegate");
            if (Boolean.TRUE.equals(outcomes.remove("payeeNotReady"))) {
                throw new BpmnError("PAYEE_NOT_READY", "The supplier has not set up how they are paid.");
            }
            execution.setVariable("contractId", "contract-1");
            execution.setVariable("dueDate", Date.from(Instant.now().plus(10, ChronoUnit.DAYS)));
        });
        Mocks.register("payByCardDelegate", (JavaDelegate) execution -> {
            calls.add("payByCardDelegate");
            if (Boolean.TRUE.equals(outcomes.remove("declined"))) {
                throw new BpmnError("PAYMENT_DECLINED", "The card payment was declined");
            }
        });
        Mocks.register("requestIntakeListener", (ExecutionListener) execution -> {});
        Mocks.register("eligibilityResultListener", (ExecutionListener)
                execution -> execution.setVariable("eligible", outcomes.get("eligible")));
        Mocks.register("splittingResultListener", (ExecutionListener) execution -> execution.setVariable(
                "splittingRisk",
                outcomes.get(
                        "Task_CheckSupplierSplitting".equals(execution.getCurrentActivityId())
                                ? "supplierSplittingRisk"
                                : "splittingRisk")));
        Mocks.register("qaResultListener", (ExecutionListener)
                execution -> execution.setVariable("qaOutcome", outcomes.get("qaOutcome")));
        for (String listener : List.of("taskSubmissionListener", "questionListener", "evaluationSheetListener")) {
            Mocks.register(listener, (TaskListener) task -> {});
        }
        Mocks.register("stepDeadlines", new FixedDeadlines());
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
    }

    /** Every step: reminded after two days, due after five. */
    public static class FixedDeadlines {
        public Date remindAt(String step) {
            return Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
        }

        public Date dueAt(String step) {
            return Date.from(Instant.now().plus(5, ChronoUnit.DAYS));
        }
    }

    // ------------------------------------------------------------------ paths

    @Test
    void happyPath_fromRequestToPayment_withEveryWaitStateInOrder() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("WithdrawRequest", "Task_InspectRepository");
        execute(job("Task_InspectRepository", pi));
        assertThat(pi).hasPassed("Task_CheckEligibility").isWaitingAt("AttestCapacity", "WithdrawRequest");
        attestAndCommit(pi);
        execute(job("Task_PublishOpportunity", pi));
        assertThat(pi).isWaitingAt("Gateway_ProposalOrDeadline");

        proposalArrives(pi);
        assertThat(pi).hasPassed("Task_AcknowledgeProposal").isWaitingAt("Gateway_ProposalOrDeadline");
        deadlinePasses(pi);
        assertThat(pi).hasPassed("Task_CloseProposalPeriod").isWaitingAt("EvaluateProposals");
        assertThat(task("WithdrawRequest", pi)).isNotNull();

        complete(task("EvaluateProposals", pi), Map.of("passingCount", outcomes.get("passingCount")));
        assertThat(pi)
                .hasPassed("Task_DrawWinner", "EndEvent_SupplierSelected", "Task_CheckSupplierSplitting")
                .isWaitingAt("Task_AwardContract", "WithdrawBeforeAward");
        execute(job("Task_AwardContract", pi));
        assertThat(pi).hasPassed("EndEvent_ContractAwarded").isWaitingAt("Gateway_AwaitDelivery");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();

        engine.getRuntimeService()
                .createMessageCorrelation("WorkDelivered")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        execute(job("Task_InspectDelivery", pi));
        assertThat(pi).hasPassed("Task_CheckQaGate").isWaitingAt("AcceptWork");
        complete(task("AcceptWork", pi), Map.of("acceptanceDecision", "ACCEPT"));
        execute(job("Task_PayByCard", pi));
        execute(job("Task_PayByCard", pi));
        assertThat(pi).isEnded().hasPassed("Task_RecordAcceptance", "Task_CloseOut", "EndEvent_Completed");
        assertThat(calls)
                .containsSubsequence(
                        "inspectRepositoryDelegate",
                        "requestSplittingInputsDelegate",
                        "publishOpportunityDelegate",
                        "acknowledgeProposalDelegate",
                        "closeProposalPeriodDelegate",
                        "drawWinnerDelegate",
                        "supplierSplittingInputsDelegate",
                        "awardContractDelegate",
                        "inspectDeliveryDelegate",
                        "recordAcceptanceDelegate",
                        "payByCardDelegate",
                        "closeOutDelegate");
    }

    @Test
    void ineligibleRequest_isReferred_afterTheRequesterReadsWhy() {
        outcomes.put("eligible", false);
        ProcessInstance pi = start();
        execute(job("Task_InspectRepository", pi));
        assertThat(pi).hasPassed("Task_ReferToRegularProcurement").isWaitingAt("ReviewIneligibility");
        complete(task("ReviewIneligibility", pi));
        assertThat(pi)
                .isEnded()
                .hasPassed("EndEvent_ReferredToRegularProcurement")
                .variables()
                .containsEntry("procurementOutcome", "REFERRED");
    }

    @Test
    void withdrawnBeforeAward_whileTheSupplierIsReviewed_cancelsTheOpportunity() {
        outcomes.put("supplierSplittingRisk", "REVIEW");
        ProcessInstance pi = toSelection();
        assertThat(pi).isWaitingAt("ReviewSupplierSplittingReferral", "WithdrawBeforeAward");
        complete(task("WithdrawBeforeAward", pi), Map.of("withdrawReason", "No longer needed by the team."));
        execute(job("Task_CancelOpportunity", pi));
        assertThat(pi)
                .isEnded()
                .hasPassed("EndEvent_WithdrawnBeforeAward", "BoundaryEvent_WithdrawnBeforeAward", "EndEvent_Cancelled")
                .hasNotPassed("Task_AwardContract");
    }

    @Test
    void cancelRequestMessage_duringProposals_cancelsTheOpportunity() {
        ProcessInstance pi = start();
        execute(job("Task_InspectRepository", pi));
        attestAndCommit(pi);
        execute(job("Task_PublishOpportunity", pi));
        engine.getRuntimeService()
                .createMessageCorrelation("CancelRequest")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        execute(job("Task_CancelOpportunity", pi));
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_CancelRequest", "EndEvent_Cancelled");
    }

    @Test
    void supplierWhoCannotBePaid_isPassedOver_andWithNobodyLeftTheRequestClosesWithoutSupplier() {
        outcomes.put("payeeNotReady", true);
        ProcessInstance pi = toSelection();
        execute(job("Task_AwardContract", pi));
        assertThat(pi)
                .hasPassed(
                        "BoundaryEvent_PayeeNotReady",
                        "Task_SelectNextCandidate",
                        "EndEvent_NoSupplierLeft",
                        "BoundaryEvent_NoSupplierLeft")
                .isWaitingAt("Task_CloseWithoutSupplier");
        execute(job("Task_CloseWithoutSupplier", pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_NoSupplierAvailable").hasNotPassed("Gateway_AwaitDelivery");
    }

    @Test
    void declinedPayment_goesToFinance_whoRecordAPaymentMadeAnotherWay() {
        outcomes.put("declined", true);
        ProcessInstance pi = toSelection();
        execute(job("Task_AwardContract", pi));
        engine.getRuntimeService()
                .createMessageCorrelation("WorkDelivered")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        execute(job("Task_InspectDelivery", pi));
        complete(task("AcceptWork", pi), Map.of("acceptanceDecision", "ACCEPT"));
        execute(job("Task_PayByCard", pi));
        assertThat(pi).hasPassed("BoundaryEvent_PaymentDeclined").isWaitingAt("ResolvePayment");
        complete(task("ResolvePayment", pi), Map.of("paymentResolution", "RECORD_MANUAL"));
        assertThat(pi).isEnded().hasPassed("Task_RecordManualPayment", "EndEvent_Completed");
    }

    @Test
    void aStepsReminderAndDueDate_areNonInterrupting_everyHumanStepHasBoth() {
        ProcessInstance pi = start();
        execute(job("Task_InspectRepository", pi));
        var task = task("AttestCapacity", pi);
        assertThat(task.getDueDate()).isAfter(task.getFollowUpDate());
        execute(timer(pi, "BoundaryEvent_AttestCapacity_Reminder"));
        execute(timer(pi, "BoundaryEvent_AttestCapacity_Overdue"));
        assertThat(pi)
                .hasPassed("EndEvent_AttestCapacity_Reminded", "EndEvent_AttestCapacity_Escalated")
                .isWaitingAt("AttestCapacity");
        assertThat(calls).containsSubsequence("stepReminderDelegate", "stepEscalationDelegate");

        var model = engine.getRepositoryService().getBpmnModelInstance(pi.getProcessDefinitionId());
        Set<String> withdrawals = Set.of("WithdrawRequest", "WithdrawBeforeAward");
        for (var userTask : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
            if (withdrawals.contains(userTask.getId())) {
                continue;
            }
            assertThat(userTask.getCamundaDueDate()).as(userTask.getId()).contains(userTask.getId());
            Object reminder = model.getModelElementById("BoundaryEvent_" + userTask.getId() + "_Reminder");
            Object overdue = model.getModelElementById("BoundaryEvent_" + userTask.getId() + "_Overdue");
            assertThat(reminder)
                    .as(userTask.getId())
                    .isInstanceOf(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class);
            assertThat(overdue)
                    .as(userTask.getId())
                    .isInstanceOf(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class);
            assertThat(((org.camunda.bpm.model.bpmn.instance.BoundaryEvent) overdue).cancelActivity())
                    .isFalse();
        }
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance start() {
        engine.getIdentityService().setAuthenticatedUserId("requester-1");
        try {
            return engine.getRuntimeService()
                    .startProcessInstanceByKey(
                            "MicroProcurement",
                            "MA-2026-9001",
                            Map.of(
                                    "proposalDeadline",
                                    Date.from(Instant.now().plus(3, ChronoUnit.DAYS)),
                                    "title",
                                    "Work"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void attestAndCommit(ProcessInstance pi) {
        complete(task("AttestCapacity", pi), Map.of("capacityAttestation", "CAPACITY_UNAVAILABLE"));
        complete(task("CommitFunds", pi), Map.of("fundsDecision", "COMMITTED"));
    }

    private void proposalArrives(ProcessInstance pi) {
        engine.getRuntimeService()
                .createMessageCorrelation("ProposalSubmitted")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
    }

    private void deadlinePasses(ProcessInstance pi) {
        execute(timer(pi, "IntermediateCatchEvent_ProposalDeadline"));
    }

    private ProcessInstance toSelection() {
        ProcessInstance pi = start();
        execute(job("Task_InspectRepository", pi));
        attestAndCommit(pi);
        execute(job("Task_PublishOpportunity", pi));
        proposalArrives(pi);
        deadlinePasses(pi);
        complete(task("EvaluateProposals", pi), Map.of("passingCount", outcomes.get("passingCount")));
        return pi;
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .activityId(activityId)
                .singleResult();
    }

    private static String emptyTable(String key, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s"
                             namespace="http://microacquisition.gc.ca/dmn/model-test">
                  <decision id="%1$s" name="%1$s (empty for the model test)">
                    <decisionTable id="DecisionTable_%1$s" hitPolicy="COLLECT">
                      <input id="Input_Any"><inputExpression id="InputExpression_Any" typeRef="string"><text>"any"</text></inputExpression></input>
                      <output id="Output_%2$s" name="%2$s" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, output).strip();
    }
}
