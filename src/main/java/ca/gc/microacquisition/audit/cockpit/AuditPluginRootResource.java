package ca.gc.microacquisition.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's root: {@code /camunda/api/cockpit/plugin/audit}; static assets under {@code static/}. */
@Path("plugin/" + AuditCockpitPlugin.ID)
public class AuditPluginRootResource extends AbstractCockpitPluginRootResource {

    public AuditPluginRootResource() {
        super(AuditCockpitPlugin.ID);
    }

    /** Cockpit serves only the assets listed here; the diagram and rule pages share the bpmn-io locator. */
    @Override
    protected List<String> getAllowedAssets() {
        List<String> assets = new ArrayList<>(super.getAllowedAssets());
        assets.add("app/bpmn-io.js");
        return assets;
    }

    @Path("{engine}")
    public AuditPluginResource audit(@PathParam("engine") String engineName) {
        return subResource(new AuditPluginResource(engineName), engineName);
    }
}
