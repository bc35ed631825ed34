package ca.gc.microacquisition.process;

import ca.gc.microacquisition.rules.RuleTables;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * How long each human step may take, as CFOB sets it in the {@code StepDeadlines} decision
 * ({@code processes/StepDeadlines.dmn}): the model asks it for a user task's follow-up date (the reminder) and due
 * date (the escalation), e.g. {@code camunda:dueDate="${stepDeadlines.dueAt('AcceptWork')}"} and the two
 * non-interrupting timer boundary events of the same task. Dates count from the engine's clock when the task is
 * created. The table is the service's own configuration, so it is read without the caller's authorizations. There is
 * no fallback in Java: a table that gives no usable answer stops the step with an error (an incident, or a refusal
 * of the completion that would create the task), so deadlines never silently disappear.
 */
@Component("stepDeadlines")
public class StepDeadlines {

    /** One step's figures. */
    public record Deadline(Duration remindAfter, Duration dueAfter, String escalateTo) {}

    /** What each running engine command has read (kept only while the command is alive). */
    private static final Map<CommandContext, Map<String, Deadline>> READ_IN_COMMAND =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final DecisionService decisions;
    private final ProcessEngineConfigurationImpl configuration;

    StepDeadlines(DecisionService decisions, ProcessEngineConfiguration configuration) {
        this.decisions = decisions;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    /** When the assignee is reminded: now + remindAfter. */
    public Date remindAt(String step) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(of(step).remindAfter()));
    }

    /** When the step is due, and escalated if still open: now + dueAfter. */
    public Date dueAt(String step) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(of(step).dueAfter()));
    }

    /**
     * The step's figures from the latest version of the table. Creating one task asks four times (its due and
     * follow-up dates, its two timers): within one engine command the table is read once per step, so the decision
     * history holds one evaluation per task, not four.
     */
    public Deadline of(String step) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return evaluate(step);
        }
        Map<String, Deadline> read = READ_IN_COMMAND.computeIfAbsent(command, c -> new ConcurrentHashMap<>());
        return read.computeIfAbsent(step, this::evaluate);
    }

    private Deadline evaluate(String step) {
        DmnDecisionResult result = configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> decisions
                        .evaluateDecisionByKey(RuleTables.STEP_DEADLINES)
                        .variables(Map.of("step", step))
                        .evaluate()));
        if (result.isEmpty()) {
            throw new IllegalStateException("The " + RuleTables.STEP_DEADLINES + " decision gives no deadline for the"
                    + " step " + step + ". CFOB: keep the last rule (any step) as the default.");
        }
        Map<String, Object> row = result.get(0).getEntryMap();
        Duration remind = duration(row, "remindAfter", step);
        Duration due = duration(row, "dueAfter", step);
        if (remind.compareTo(due) >= 0) {
            throw new IllegalStateException("The " + RuleTables.STEP_DEADLINES + " decision reminds at " + remind
                    + " but the step " + step + " is due at " + due + ": the reminder must come first.");
        }
        Object group = row.get("escalateTo");
        if (!(group instanceof String g) || g.isBlank()) {
            throw new IllegalStateException("The " + RuleTables.STEP_DEADLINES + " decision gives no escalation group"
                    + " for the step " + step + ".");
        }
        return new Deadline(remind, due, g.strip());
    }

    private static Duration duration(Map<String, Object> row, String name, String step) {
        Object value = row.get(name);
        try {
            Duration d = Duration.parse(String.valueOf(value));
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", String.valueOf(value), 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "The " + RuleTables.STEP_DEADLINES + " decision gives '" + value + "' as " + name + " for the step "
                            + step + "; it must be a positive ISO 8601 duration such as P2D or PT24H.",
                    e);
        }
    }
}
