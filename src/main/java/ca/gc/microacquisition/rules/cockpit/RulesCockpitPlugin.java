package ca.gc.microacquisition.rules.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Rules" page in Cockpit: CFOB reads, edits, tries and deploys the decision tables; auditors read them.
 * Registered through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; its frontend
 * module is {@code plugin-webapp/rules/app/plugin.js}. Its REST resources live under
 * {@code /camunda/api/cockpit/plugin/rules/{engine}/}.
 */
public class RulesCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "rules";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(RulesPluginRootResource.class);
    }
}
