package ca.gc.microacquisition.enginesurface;

import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.process.TaskContracts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's command policy for client calls ({@link ClientCalls}: the engine REST API and the webapps' API).
 * It looks at the outermost command of such a call only (the one the REST resource asked for; what the engine then
 * runs inside it is the process's own doing) and, unless the caller is an administrator ({@code camunda-admin}):
 * <ul>
 *   <li>lets reads through (queries and the engine's Get/Find/Is/Check commands);</li>
 *   <li>lets through, after checking them, the few changes staff make through Tasklist: starting the procurement
 *       at its start event with the start form's fields only, completing a task with its form's fields only
 *       ({@link TaskContracts}), claiming a task for oneself, giving back one's own task, commenting on one's own
 *       task, updating one's own profile and password, deploying and evaluating decision tables (left to
 *       {@code rules.RuleDeploymentGuard} and the authorizations);</li>
 *   <li>refuses everything else (BPMN errors and escalations, variable changes, process-instance modification,
 *       message correlation, signals, jobs, incidents, attachments, deletions, ...), and refuses every change by
 *       an auditor or by an unauthenticated caller.</li>
 * </ul>
 * It also logs the failure of every outermost command once (the engine's own command-exception logging is off):
 * refusals as one INFO line, faults as ERROR with the stack trace.
 */
final class ClientCallGuard extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCallGuard.class);
    private static final ThreadLocal<Boolean> LOOKING_UP = new ThreadLocal<>();
    private static final Pattern READ_COMMAND = Pattern.compile(
            "^(Get|Find|Is|Check|Query|ExecuteFilter|ExecuteListQuery"
                    + "|ExecuteSingleQuery|QueryService|AuthorizationCheck|DetermineHistoryLevel|Create\\w*Query)\\w*$");
    private static final Set<String> SIMPLE_TYPES = Set.of(
            ValueType.STRING.getName(),
            ValueType.BOOLEAN.getName(),
            ValueType.INTEGER.getName(),
            ValueType.LONG.getName(),
            ValueType.SHORT.getName(),
            ValueType.DOUBLE.getName(),
            ValueType.NUMBER.getName(),
            ValueType.DATE.getName(),
            ValueType.NULL.getName(),
            SpinValueType.JSON.getName());

    private static final CommandFields<SubmitTaskFormCmd, String> SUBMIT_TASK_ID =
            CommandFields.of(SubmitTaskFormCmd.class, "taskId", String.class);

    @SuppressWarnings("rawtypes")
    private static final CommandFields<SubmitTaskFormCmd, Map> SUBMIT_TASK_VARIABLES =
            CommandFields.of(SubmitTaskFormCmd.class, "properties", Map.class);

    private static final CommandFields<CompleteTaskCmd, String> COMPLETE_TASK_ID =
            CommandFields.of(CompleteTaskCmd.class, "taskId", String.class);

    @SuppressWarnings("rawtypes")
    private static final CommandFields<CompleteTaskCmd, Map> COMPLETE_TASK_VARIABLES =
            CommandFields.of(CompleteTaskCmd.class, "variables", Map.class);

    private static final CommandFields<SubmitStartFormCmd, String> START_FORM_DEFINITION =
            CommandFields.of(SubmitStartFormCmd.class, "processDefinitionId", String.class);
    private static final CommandFields<SubmitStartFormCmd, String> START_FORM_BUSINESS_KEY =
            CommandFields.of(SubmitStartFormCmd.class, "businessKey", String.class);

    @SuppressWarnings("rawtypes")
    private static final CommandFields<SubmitStartFormCmd, Map> START_FORM_VARIABLES =
            CommandFields.of(SubmitStartFormCmd.class, "variables", Map.class);

    private static final CommandFields<StartProcessInstanceCmd, ProcessInstantiationBuilderImpl> START_BUILDER =
            CommandFields.of(
                    StartProcessInstanceCmd.class, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
    private static final CommandFields<ClaimTaskCmd, String> CLAIM_TASK_ID =
            CommandFields.of(ClaimTaskCmd.class, "taskId", String.class);
    private static final CommandFields<ClaimTaskCmd, String> CLAIM_USER_ID =
            CommandFields.of(ClaimTaskCmd.class, "userId", String.class);
    private static final CommandFields<AssignTaskCmd, String> ASSIGN_TASK_ID =
            CommandFields.of(AssignTaskCmd.class, "taskId", String.class);
    private static final CommandFields<AssignTaskCmd, String> ASSIGN_USER_ID =
            CommandFields.of(AssignTaskCmd.class, "userId", String.class);
    private static final CommandFields<AddCommentCmd, String> COMMENT_TASK_ID =
            CommandFields.of(AddCommentCmd.class, "taskId", String.class);
    private static final CommandFields<SaveUserCmd, User> SAVED_USER =
            CommandFields.of(SaveUserCmd.class, "user", User.class);

    private final ProcessEngineConfigurationImpl configuration;
    private final Supplier<TaskContracts> contracts;

    ClientCallGuard(ProcessEngineConfigurationImpl configuration, Supplier<TaskContracts> contracts) {
        this.configuration = configuration;
        this.contracts = contracts;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null || LOOKING_UP.get() != null) {
            return next.execute(command); // inside a command: the process's own doing, or the guard's own lookup
        }
        String surface = ClientCalls.current();
        try {
            if (surface != null) {
                check(command);
            }
            return next.execute(command);
        } catch (RuntimeException failure) {
            log(command, surface, failure);
            throw failure;
        }
    }

    private void check(Command<?> command) {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        if (isAdmin(authentication) || isRead(command) || isServiceCommand(command)) {
            return;
        }
        String user = authentication == null ? null : authentication.getUserId();
        if (user == null) {
            throw refused("Sign in to change anything.");
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.contains(AccessGroups.AUDITORS)) {
            throw refused("Auditors read; they change nothing (no claims, comments, attachments or variables).");
        }
        if (command instanceof SubmitStartFormCmd start) {
            checkStart(
                    START_FORM_DEFINITION.get(start),
                    null,
                    START_FORM_BUSINESS_KEY.get(start),
                    START_FORM_VARIABLES.get(start));
        } else if (command instanceof StartProcessInstanceCmd start) {
            checkStart(START_BUILDER.get(start));
        } else if (command instanceof SubmitTaskFormCmd submit) {
            checkCompletion(SUBMIT_TASK_ID.get(submit), SUBMIT_TASK_VARIABLES.get(submit));
        } else if (command instanceof CompleteTaskCmd complete) {
            checkCompletion(COMPLETE_TASK_ID.get(complete), COMPLETE_TASK_VARIABLES.get(complete));
        } else if (command instanceof ClaimTaskCmd claim) {
            if (!user.equals(CLAIM_USER_ID.get(claim))) {
                throw refused("You can claim a task for yourself only (the claim named "
                        + (CLAIM_USER_ID.get(claim) == null ? "nobody" : "another user") + ").");
            }
        } else if (command instanceof AssignTaskCmd assign) {
            TaskFacts task = task(ASSIGN_TASK_ID.get(assign));
            if (ASSIGN_USER_ID.get(assign) != null || task == null || !user.equals(task.assignee())) {
                throw refused("You can only give back a task assigned to you; assigning tasks is for administrators.");
            }
        } else if (command instanceof AddCommentCmd comment) {
            TaskFacts task = task(COMMENT_TASK_ID.get(comment));
            if (task == null || !user.equals(task.assignee())) {
                throw refused("You can comment only on a task assigned to you.");
            }
        } else if (command instanceof SaveUserCmd save) {
            User saved = SAVED_USER.get(save);
            if (saved == null || !user.equals(saved.getId())) {
                throw refused("You can change your own profile and password only.");
            }
        } else if (!(command instanceof DeployCmd
                || command instanceof EvaluateDecisionCmd
                || command instanceof EvaluateDecisionTableCmd)) {
            // Deployments: rules.RuleDeploymentGuard; evaluating a decision: the CREATE_INSTANCE authorization.
            throw refused("This action is not available to staff through the API (" + describe(command)
                    + "); ask an administrator.");
        }
    }

    private void checkStart(ProcessInstantiationBuilderImpl builder) {
        ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
        if (modification != null
                && (!modification.getModificationOperations().isEmpty()
                        || modification.isSkipCustomListeners()
                        || modification.isSkipIoMappings())) {
            throw refused("A procurement starts at its start event, with every listener and mapping: start"
                    + " instructions and skip flags are not accepted.");
        }
        checkStart(
                builder.getProcessDefinitionId(),
                builder.getProcessDefinitionKey(),
                builder.getBusinessKey(),
                modification == null ? null : modification.getProcessVariables());
    }

    private void checkStart(String definitionId, String definitionKey, String businessKey, Map<?, ?> variables) {
        String key = definitionKey;
        if (key == null && definitionId != null) {
            key = lookUp(context -> {
                ProcessDefinitionEntity definition =
                        context.getProcessDefinitionManager().findLatestProcessDefinitionById(definitionId);
                return definition == null ? null : definition.getKey();
            });
        }
        if (key == null) {
            return; // no such process definition: the engine refuses the command itself
        }
        if (!AccessGroups.PROCESS_KEY.equals(key)) {
            throw refused("Only the " + AccessGroups.PROCESS_KEY + " process can be started.");
        }
        if (businessKey != null && !businessKey.isBlank()) {
            throw ClientCallRefusedException.badRequest(
                    "The reference of a procurement is assigned by the service: send no" + " business key.");
        }
        checkFields("the request form", contracts.get().startFields(key), variables);
    }

    private void checkCompletion(String taskId, Map<?, ?> variables) {
        TaskFacts task = task(taskId);
        if (task == null) {
            return; // no such task: the engine refuses the command itself
        }
        if (task.taskDefinitionKey() == null) {
            throw refused("This task is not part of a procurement form and cannot be completed through the API.");
        }
        checkFields(
                "the form of task " + task.taskDefinitionKey(),
                contracts.get().forTask(task.taskDefinitionKey()).fields(),
                variables);
    }

    /** Only the form's fields, with plain values (text, number, yes/no, date, JSON); never a Java object. */
    private static void checkFields(String form, Set<String> fields, Map<?, ?> variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        Set<String> unknown = new TreeSet<>();
        List<String> badTypes = new ArrayList<>();
        for (Map.Entry<?, ?> entry : variables.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!fields.contains(name)) {
                unknown.add(name);
                continue;
            }
            Object value = variables instanceof VariableMap map ? map.getValueTyped(name) : entry.getValue();
            if (!isPlain(value)) {
                badTypes.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ClientCallRefusedException.badRequest(
                    "Only the fields of " + form + " can be submitted; not " + String.join(", ", unknown) + ".");
        }
        if (!badTypes.isEmpty()) {
            throw ClientCallRefusedException.badRequest(
                    "Give " + String.join(", ", badTypes) + " as text, a number, yes/no, a date or JSON.");
        }
    }

    private static boolean isPlain(Object value) {
        if (value instanceof TypedValue typed) {
            if (typed.getType() == null) { // untyped, as the REST API passes a value sent without a type
                return !(typed.getValue() instanceof TypedValue) && isPlain(typed.getValue());
            }
            return SIMPLE_TYPES.contains(typed.getType().getName());
        }
        return value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Date
                || value instanceof SpinJsonNode;
    }

    private TaskFacts task(String taskId) {
        if (taskId == null) {
            return null;
        }
        return lookUp(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : new TaskFacts(task.getTaskDefinitionKey(), task.getAssignee());
        });
    }

    /** Reads what the policy needs in a command of its own, without the caller's authorizations. */
    private <T> T lookUp(Command<T> read) {
        LOOKING_UP.set(Boolean.TRUE);
        try {
            return configuration.getCommandExecutorTxRequired().execute(read);
        } finally {
            LOOKING_UP.remove();
        }
    }

    private boolean isAdmin(Authentication authentication) {
        if (authentication == null || authentication.getUserId() == null) {
            return false;
        }
        List<String> adminUsers = configuration.getAdminUsers();
        if (adminUsers != null && adminUsers.contains(authentication.getUserId())) {
            return true;
        }
        List<String> adminGroups = configuration.getAdminGroups();
        Collection<String> groups = authentication.getGroupIds();
        return adminGroups != null && groups != null && groups.stream().anyMatch(adminGroups::contains);
    }

    static boolean isRead(Command<?> command) {
        if (command instanceof AbstractQuery<?, ?>) {
            return true;
        }
        return READ_COMMAND.matcher(simpleName(command)).matches();
    }

    /**
     * A command class of the service's own code (e.g. a Cockpit plugin resource running a query as a lambda): no
     * client can send one; the resource that runs it decides who may call it (see its own group check).
     */
    static boolean isServiceCommand(Command<?> command) {
        return command.getClass().getName().startsWith(SERVICE_PACKAGE);
    }

    private static final String SERVICE_PACKAGE = "ca.gc.microacquisition.";

    private static String simpleName(Command<?> command) {
        String name = command.getClass().getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    private static String describe(Command<?> command) {
        return simpleName(command)
                .replaceAll("Cmd$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase();
    }

    private static ClientCallRefusedException refused(String message) {
        return ClientCallRefusedException.forbidden(message);
    }

    private static void log(Command<?> command, String surface, RuntimeException failure) {
        Refusals.Answer answer = Refusals.classify(failure);
        String where = surface == null ? "" : " (" + surface + ")";
        if (answer.refusal()) {
            LOG.info("Refused {}{}: {} {}", simpleName(command), where, answer.status(), answer.message());
        } else {
            LOG.error("Engine command {}{} failed", simpleName(command), where, failure);
        }
    }

    private record TaskFacts(String taskDefinitionKey, String assignee) {}
}
