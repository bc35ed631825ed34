package ca.gc.microacquisition.process;

import ca.gc.microacquisition.identity.AccessGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts {@link DutyRule} on every user task the engine parses (as a built-in listener on assignment and
 * completion, so it runs before the task's own listeners and cannot be skipped), and, once the engine is built,
 * takes requester tasks created by earlier versions of the process away from the {@code requesters} group (the
 * candidate link and the group's grant on the task), so that they belong to their requester alone.
 */
@Component
public class DutiesEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DutiesEnginePlugin.class);

    private final DutyRule rule = new DutyRule();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rule);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rule);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        TaskService tasks = engine.getTaskService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        int moved = 0;
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKey(AccessGroups.PROCESS_KEY)
                .taskCandidateGroup(AccessGroups.REQUESTERS)
                .includeAssignedTasks()
                .list()) {
            if (Duties.roleOf(task.getTaskDefinitionKey()) != Duties.Role.REQUESTER) {
                continue;
            }
            tasks.deleteCandidateGroup(task.getId(), AccessGroups.REQUESTERS);
            for (Authorization grant : authorizations
                    .createAuthorizationQuery()
                    .resourceType(Resources.TASK)
                    .resourceId(task.getId())
                    .groupIdIn(AccessGroups.REQUESTERS)
                    .list()) {
                authorizations.deleteAuthorization(grant.getId());
            }
            moved++;
        }
        if (moved > 0) {
            LOG.info("{} open requester task(s) are no longer offered to the group {}", moved, AccessGroups.REQUESTERS);
        }
    }
}
