package ca.gc.microacquisition.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names say which procurement they are about: "Attest in-house capacity — MA-2026-0001: Add a French
 * translation", so that a list of ten tasks can be told apart in Tasklist. Added to every user task of the
 * micro-procurement process when the engine reads the model (the BPMN keeps its plain names, and so do the diagram
 * and the activity history); the name is set when the task is created, from the business key (the reference) and
 * the {@code title} variable.
 */
@Component
public class TaskNamesEnginePlugin extends AbstractProcessEnginePlugin {

    static final int MAX_NAME = 255;
    static final String PROCESS_KEY = "MicroProcurement";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && PROCESS_KEY.equals(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_CREATE, TaskNamesEnginePlugin::name);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    static void name(DelegateTask task) {
        task.setName(nameOf(task.getName(), task.getExecution().getProcessBusinessKey(), task.getVariable("title")));
    }

    /** "name — reference: title", shortened to what the engine stores; the plain name when there is no reference. */
    static String nameOf(String name, String reference, Object title) {
        if (reference == null || reference.isBlank()) {
            return name;
        }
        String procurement = reference
                + (title == null || title.toString().isBlank()
                        ? ""
                        : ": " + title.toString().strip());
        String full = (name == null || name.isBlank() ? "" : name + " — ") + procurement;
        return full.length() <= MAX_NAME ? full : full.substring(0, MAX_NAME - 1) + "…";
    }
}
