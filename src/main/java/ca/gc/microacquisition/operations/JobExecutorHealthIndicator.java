package ca.gc.microacquisition.operations;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Health of this node's Camunda job executor (health contributor {@code jobExecutor}, in the liveness and
 * readiness groups): UP when the executor is active and its acquisition thread is alive, DOWN otherwise — a node
 * whose acquisition died runs no asynchronous step, timer or retry, and only a restart brings it back. A node
 * started with {@code camunda.bpm.job-execution.enabled=false} (a web-only node) is UP. Replaces Camunda's own
 * indicator of the same name, which only looks at "active".
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private static final Field ACQUISITION_THREAD =
            ReflectionUtils.findField(JobExecutor.class, "jobAcquisitionThread", Thread.class);

    static {
        if (ACQUISITION_THREAD != null) {
            ReflectionUtils.makeAccessible(ACQUISITION_THREAD);
        }
    }

    private final ProcessEngineConfigurationImpl configuration;
    private final boolean enabled;

    /**
     * @param enabled Camunda's Spring Boot starter starts the executor itself once the application is ready (the
     *                engine's own "activate" flag stays off), so the switch is the starter's property
     */
    JobExecutorHealthIndicator(
            ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        super("The job executor could not be checked");
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.enabled = enabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = configuration.getJobExecutor();
        if (!enabled || executor == null) {
            health.up().withDetail("jobExecution", "disabled on this node");
            return;
        }
        boolean active = executor.isActive();
        Boolean acquiring = acquisitionThreadAlive(executor);
        health.withDetail("active", active)
                .withDetail("acquisitionRunning", acquiring == null ? "unknown" : acquiring)
                .withDetail("lockOwner", executor.getLockOwner());
        if (active && !Boolean.FALSE.equals(acquiring)) {
            health.up();
        } else {
            health.down();
        }
    }

    /** Whether the acquisition thread is alive; null when this Camunda version keeps it elsewhere. */
    static Boolean acquisitionThreadAlive(JobExecutor executor) {
        if (ACQUISITION_THREAD == null) {
            return null;
        }
        Thread thread = (Thread) ReflectionUtils.getField(ACQUISITION_THREAD, executor);
        return thread != null && thread.isAlive();
    }
}
