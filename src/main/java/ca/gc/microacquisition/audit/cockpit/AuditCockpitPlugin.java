package ca.gc.microacquisition.audit.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Audit" page in Cockpit (Community Edition has no history views): search procurements, running and
 * finished, and read each one's full trail. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; its frontend module is
 * {@code plugin-webapp/audit/app/plugin.js} on the class path, which Cockpit loads from
 * {@code /camunda/api/cockpit/plugin/audit/static/app/plugin.js}. Its REST resources live under
 * {@code /camunda/api/cockpit/plugin/audit/{engine}/}.
 */
public class AuditCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "audit";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(AuditPluginRootResource.class);
    }
}
