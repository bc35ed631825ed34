package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositories;
import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositoryUrl;
import ca.gc.microacquisition.contract.ContractService;
import ca.gc.microacquisition.proposal.ProposalService;
import ca.gc.microacquisition.proposal.ProposalSubmission;
import ca.gc.microacquisition.supplier.SupplierRegistration;
import ca.gc.microacquisition.supplier.SupplierService;
import ca.gc.microacquisition.testsupport.Payouts;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Drives procurements the way people do: the requester starts one with the request form, staff complete their
 * tasks as members of their groups (authorizations on), suppliers act through the domain services the API uses,
 * and asynchronous steps and timers are run as the job executor would run them.
 */
@Component
public class ProcessScenario {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ProposalService proposals;

    @Autowired
    ContractService contracts;

    @Autowired(required = false)
    LocalRepositories repositories;

    @Autowired
    ObjectMapper json;

    @Autowired
    Payouts payouts;

    /** A unique team, owner and repository for one test, so histories of other tests do not interfere. */
    record Team(String team, String owner, String repository, String repositoryUrl, String requester) {}

    /** A team whose repository lives on another host (e.g. GitHub through a stand-in). */
    Team newTeam(String repositoryUrl) {
        String suffix =
                SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return managed(new Team("team-" + suffix, null, null, repositoryUrl, "requester-" + suffix));
    }

    Team newTeam() {
        int n = SEQUENCE.incrementAndGet();
        String suffix = n + "-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "team" + suffix;
        String url = repositories.createRepository(owner, "widget", "MIT");
        return managed(new Team("team-" + suffix, owner, "widget", url, "requester-" + suffix));
    }

    /** As an administrator does in Camunda Admin: the team's group (type "team") with its requester as a member. */
    Team managed(Team team) {
        if (identityService.createGroupQuery().groupId(team.team()).count() == 0) {
            var group = identityService.newGroup(team.team());
            group.setName("Team " + team.team().substring("team-".length()));
            group.setType(ca.gc.microacquisition.identity.Teams.GROUP_TYPE);
            identityService.saveGroup(group);
        }
        addMember(team.team(), team.requester());
        return team;
    }

    void addMember(String teamId, String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            var user = identityService.newUser(userId);
            user.setFirstName("Test");
            user.setLastName(userId);
            user.setEmail(userId + "@example.gc.ca");
            user.setPassword(userId);
            ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService)
                    .saveUser(user, true); // password = user id, like the demo users: skips the password policy
        }
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(teamId)
                        .count()
                == 0) {
            identityService.createMembership(userId, teamId);
        }
    }

    String newRepository(Team team, String name) {
        return repositories.createRepository(team.owner(), name, "MIT");
    }

    Map<String, Object> request(Team team) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", "Add a French translation to the widget");
        variables.put("summary", "Translate the user interface strings of the widget into French.");
        variables.put(
                "workDescription",
                "All strings in src/messages.properties are translated into a new messages_fr.properties.");
        variables.put("acceptanceCriteria", "Every string has a French translation\nThe build passes");
        variables.put("evaluationCriteria", "Has translated software before\nCan start within a week");
        variables.put("skills", "French, Java properties files");
        variables.put("estimatedValue", "2500.00");
        variables.put("securityClassification", "UNCLASSIFIED");
        variables.put("remoteWork", true);
        variables.put("repositoryUrl", team.repositoryUrl());
        variables.put("license", "MIT");
        variables.put("containsPersonalInformation", false);
        variables.put(
                "proposalDeadline",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .plusDays(3)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
        variables.put("deliveryDays", 10);
        variables.put("department", "ESDC");
        variables.put("team", team.team());
        return variables;
    }

    /** The requester submits the start form. */
    ProcessInstance start(Team team, Map<String, Object> variables) {
        return as(
                team.requester(),
                "requesters",
                () -> runtimeService.startProcessInstanceByKey("MicroProcurement", variables));
    }

    ProcessInstance startAndCheck(Team team) {
        ProcessInstance instance = start(team, request(team));
        runJobs(instance);
        return instance;
    }

    Task task(ProcessInstance instance, String key) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    /** Whether {@link #complete} lets each step's reminder and due date pass first (the slow colleague). */
    private boolean stepsRunLate;

    void stepsRunLate(boolean late) {
        this.stepsRunLate = late;
    }

    /** The step's reminder, then its due date, pass while its task is open: both are non-interrupting. */
    void letRemindAndDueDatePass(ProcessInstance instance, String step) {
        for (String kind : List.of("Reminder", "Overdue")) {
            for (Job timer : managementService
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .timers()
                    .activityId("BoundaryEvent_" + step + "_" + kind)
                    .list()) {
                managementService.executeJob(timer.getId());
            }
        }
    }

    /** A member of {@code group} completes the task with the given form values (as Tasklist does). */
    void complete(ProcessInstance instance, String key, String user, String group, Map<String, Object> variables) {
        if (stepsRunLate) {
            letRemindAndDueDatePass(instance, key);
        }
        Task task = task(instance, key);
        as(user, group, () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
        runJobs(instance);
    }

    void attestAndCommit(ProcessInstance instance, String paymentMethod) {
        complete(
                instance,
                "AttestCapacity",
                "manager",
                "managers",
                Map.of(
                        "capacityAttestation", "CAPACITY_UNAVAILABLE",
                        "capacityRationale", "Checked with the two development teams: nobody is free this quarter."));
        complete(
                instance,
                "CommitFunds",
                "manager",
                "managers",
                Map.of(
                        "fundsDecision",
                        "COMMITTED",
                        "financialCoding",
                        "FC-1234-5678",
                        "paymentMethod",
                        paymentMethod,
                        "section32Certified",
                        true));
    }

    /** A registered supplier who has set up how they get paid. */
    UUID newSupplier(String language) {
        UUID id = newSupplierWithoutPayout(language);
        payouts.ready(id);
        return id;
    }

    /** A registered supplier who has not set up how they get paid. */
    UUID newSupplierWithoutPayout(String language) {
        int n = SEQUENCE.incrementAndGet();
        return suppliers
                .register(new SupplierRegistration(
                        "supplier" + n + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com",
                        "correct horse battery staple",
                        "Supplier " + n,
                        language,
                        new SupplierRegistration.Declarations(true, "CITIZEN", true)))
                .getId();
    }

    UUID propose(ProcessInstance instance, UUID supplierId) {
        return proposals
                .submit(
                        instance.getBusinessKey(),
                        supplierId,
                        new ProposalSubmission(
                                List.of(
                                        new ProposalSubmission.Statement(
                                                "C1", "I translated two open-source applications into French."),
                                        new ProposalSubmission.Statement("C2", "I can start on Monday.")),
                                true,
                                null))
                .getId();
    }

    /** The proposal deadline passes. */
    void deadlinePasses(ProcessInstance instance) {
        fireTimer(instance);
    }

    /** Fires the process's own timer (proposal deadline, delivery due date), not a step's reminder or due date. */
    void fireTimer(ProcessInstance instance) {
        List<Job> timers =
                managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                        .filter(job -> !isStepTimer(managementService, job))
                        .toList();
        assertThat(timers).as("one process timer waits").hasSize(1);
        Job timer = timers.get(0);
        managementService.executeJob(timer.getId());
        runJobs(instance);
    }

    /** A reminder or due-date timer of a human step (BoundaryEvent_<task>_Reminder / _Overdue). */
    public static boolean isStepTimer(ManagementService managementService, Job job) {
        var definition = job.getJobDefinitionId() == null
                ? null
                : managementService
                        .createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId())
                        .singleResult();
        String activity = definition == null ? null : definition.getActivityId();
        return activity != null && (activity.endsWith("_Reminder") || activity.endsWith("_Overdue"));
    }

    /** The step's reminder or due-date timer, for the open task of {@code step}. */
    Job stepTimer(ProcessInstance instance, String step, String kind) {
        return managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .activityId("BoundaryEvent_" + step + "_" + kind)
                .singleResult();
    }

    /** The evaluator gives every row the same result (PASS or FAIL), or a result per proposal label. */
    void evaluate(ProcessInstance instance, Map<String, String> resultByLabel, String defaultResult) {
        Task task = task(instance, "EvaluateProposals");
        Object sheet = taskService.getVariable(task.getId(), EvaluationSheetListener.SHEET);
        List<Map<String, Object>> rows;
        try {
            rows = json.readValue(((SpinJsonNode) sheet).toString(), new TypeReference<>() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Map<String, Object>> filled = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            String result = resultByLabel.getOrDefault(String.valueOf(row.get("proposalLabel")), defaultResult);
            copy.put("result", result);
            copy.put(
                    "rationale",
                    "PASS".equals(result)
                            ? "The statement shows the criterion is met."
                            : "The statement does not show the criterion is met.");
            filled.add(copy);
        }
        try {
            complete(
                    instance,
                    "EvaluateProposals",
                    "evaluator",
                    "evaluators",
                    Map.of(
                            "evaluationSheet",
                            SpinValues.jsonValue(json.writeValueAsString(filled))
                                    .create(),
                            "conflictOfInterestDeclared",
                            true));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID contractId(ProcessInstance instance) {
        return UUID.fromString((String) runtimeService.getVariable(instance.getId(), "contractId"));
    }

    UUID contractIdFromHistory(ProcessInstance instance) {
        return UUID.fromString((String) historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName("contractId")
                .singleResult()
                .getValue());
    }

    UUID selectedSupplier(ProcessInstance instance) {
        UUID proposalId = UUID.fromString((String) runtimeService.getVariable(instance.getId(), "selectedProposalId"));
        return proposals.get(proposalId).getSupplierId();
    }

    /** The awarded supplier pushes a branch with these files and delivers it as a pull request. */
    String deliver(ProcessInstance instance, Team team, String branch, Map<String, String> files) {
        repositories.commitFiles(
                team.owner(), team.repository(), branch, files, "Work for " + instance.getBusinessKey());
        String url = LocalRepositoryUrl.changeRequestUrl(team.owner(), team.repository(), branch);
        contracts.submitDelivery(contractId(instance), selectedSupplier(instance), url);
        runJobs(instance);
        return url;
    }

    String deliverCleanWork(ProcessInstance instance, Team team) {
        return deliver(
                instance,
                team,
                "feature/french-" + SEQUENCE.incrementAndGet(),
                Map.of("src/messages_fr.properties", "greeting=Bonjour\nfarewell=Au revoir\n"));
    }

    void accept(ProcessInstance instance, Team team) {
        complete(
                instance,
                "AcceptWork",
                team.requester(),
                "requesters",
                Map.of("acceptanceDecision", "ACCEPT", "section34Certified", true));
    }

    /** Runs every due asynchronous job of the instance, as the job executor would, until none is left. */
    /** Activities whose asynchronous jobs {@link #runJobs} leaves waiting (see {@link #holding}). */
    private final java.util.Set<String> held = new java.util.HashSet<>();

    /** Runs the action leaving the jobs of these activities waiting, as a busy job executor would. */
    void holding(List<String> activityIds, Runnable action) {
        held.addAll(activityIds);
        try {
            action.run();
        } finally {
            held.removeAll(activityIds);
        }
    }

    void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            java.util.Set<String> waiting = new java.util.HashSet<>();
            for (String activity : held) {
                managementService
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId(activity)
                        .list()
                        .forEach(job -> waiting.add(job.getId()));
            }
            List<Job> jobs =
                    managementService
                            .createJobQuery()
                            .processInstanceId(instance.getId())
                            .executable()
                            .messages()
                            .list()
                            .stream()
                            .filter(job -> !waiting.contains(job.getId()))
                            .toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("Jobs keep coming for " + instance.getId());
    }

    <T> T as(String user, String group, java.util.function.Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
