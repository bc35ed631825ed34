package ca.gc.microacquisition.audit.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's root: {@code /camunda/api/cockpit/plugin/audit}; static assets under {@code static/}. */
@Path("plugin/" + AuditCockpitPlugin.ID)
public class AuditPluginRootResource extends AbstractCockpitPluginRootResource {

    public AuditPluginRootResource() {
        super(AuditCockpitPlugin.ID);
    }

    @Path("{engine}")
    public AuditPluginResource audit(@PathParam("engine") String engineName) {
        return subResource(new AuditPluginResource(engineName), engineName);
    }
}
