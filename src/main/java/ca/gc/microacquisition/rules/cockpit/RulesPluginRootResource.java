package ca.gc.microacquisition.rules.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's root: {@code /camunda/api/cockpit/plugin/rules}; static assets under {@code static/}. */
@Path("plugin/" + RulesCockpitPlugin.ID)
public class RulesPluginRootResource extends AbstractCockpitPluginRootResource {

    public RulesPluginRootResource() {
        super(RulesCockpitPlugin.ID);
    }

    @Path("{engine}")
    public RulesPluginResource rules(@PathParam("engine") String engineName) {
        return subResource(new RulesPluginResource(engineName), engineName);
    }
}
