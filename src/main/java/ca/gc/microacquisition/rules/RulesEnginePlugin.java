package ca.gc.microacquisition.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts the rule governance inside the engine, so that it applies to every way of deploying (REST API, Camunda
 * Modeler, Java API): {@link RuleDeploymentGuard} first, before the engine reads the files, and
 * {@link RuleChangeRecorder} last, once the new decision versions are known.
 */
@Component
public class RulesEnginePlugin extends AbstractProcessEnginePlugin {

    private final RuleChangeLog log;

    public RulesEnginePlugin(RuleChangeLog log) {
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> pre = new ArrayList<>();
        pre.add(new RuleDeploymentGuard(new RuleTableCheck()));
        if (configuration.getCustomPreDeployers() != null) {
            pre.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(pre);
        List<Deployer> post = new ArrayList<>();
        if (configuration.getCustomPostDeployers() != null) {
            post.addAll(configuration.getCustomPostDeployers());
        }
        post.add(new RuleChangeRecorder(log));
        configuration.setCustomPostDeployers(post);
    }
}
