package ca.gc.microacquisition.enginesurface;

import ca.gc.microacquisition.process.TaskContracts;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine settings for the public surfaces:
 * <ul>
 *   <li>{@link ClientCallGuard} runs before every command (appended to the custom pre-command interceptors, so
 *       other plugins keep theirs) and logs every failed command once (the engine's own command-exception logging,
 *       which logs a refused form as ERROR with a stack trace, is turned off);</li>
 *   <li>Java serialization of variables is off and the types that may be deserialised from a variable are
 *       validated ({@link #ALLOWED_CLASSES}, on top of Camunda's defaults: java.lang
 *       and the usual java.util collections): a client naming {@code java.net.URL} or {@code java.io.File} in a
 *       typed variable is refused.</li>
 * </ul>
 */
@Component
public class EngineSurfacePlugin extends AbstractProcessEnginePlugin {

    /**
     * Classes the process reads back from a serialised (JSON) variable, beyond Camunda's defaults: amounts
     * (the splitting inputs). No package is allowed as a whole.
     */
    static final String ALLOWED_CLASSES = "java.math.BigDecimal";

    /** Looked up when first needed: the contracts depend on services that depend on the engine being built. */
    private final ObjectProvider<TaskContracts> contracts;

    public EngineSurfacePlugin(ObjectProvider<TaskContracts> contracts) {
        this.contracts = contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(append(
                configuration.getCustomPreCommandInterceptorsTxRequired(),
                new ClientCallGuard(configuration, contracts::getObject)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(append(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new ClientCallGuard(configuration, contracts::getObject)));
        configuration.setEnableCmdExceptionLogging(false);

        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedClasses(ALLOWED_CLASSES);
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> all = new ArrayList<>();
        if (existing != null) {
            all.addAll(existing);
        }
        all.add(guard);
        return all;
    }
}
