package ca.gc.microacquisition.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Puts {@link SensitiveHistoryEventHandler} first among the engine's custom history event handlers. The engine
 * builds a composite of the custom handlers followed by its default database handler, so every history row is
 * written masked.
 */
@Component
class SensitiveHistoryEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        HistoryEventHandler explicit = configuration.getHistoryEventHandler();
        if (explicit != null) {
            // an explicitly set handler replaces the custom list: mask in front of it instead
            configuration.setHistoryEventHandler(
                    new CompositeHistoryEventHandler(new SensitiveHistoryEventHandler(), explicit));
            return;
        }
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new SensitiveHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
