package ca.gc.microacquisition.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the rule governance inside the engine, so that it applies to every way of deploying (REST API, Camunda
 * Modeler, Java API): {@link RuleDeploymentGuard} first, before the engine reads the files, and
 * {@link RuleChangeRecorder} last, once the new decision versions are known; {@link RuleCommandGuard} among the
 * command interceptors (deployment deletion and history deletion for administrators only, evaluation of FEEL
 * tables only); and a FEEL-only DMN engine ({@link FeelOnlyExpressions}).
 */
@Component
public class RulesEnginePlugin extends AbstractProcessEnginePlugin {

    private final RuleChangeLog log;
    private final PlatformTransactionManager transactionManager;

    public RulesEnginePlugin(RuleChangeLog log, PlatformTransactionManager transactionManager) {
        this.log = log;
        this.transactionManager = transactionManager;
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

        // Appended, never replacing: other interceptors may be registered by other plugins.
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new RuleCommandGuard(configuration, log, new TransactionTemplate(transactionManager)));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setDmnEngineConfiguration(FeelOnlyExpressions.apply(dmn));
    }
}
