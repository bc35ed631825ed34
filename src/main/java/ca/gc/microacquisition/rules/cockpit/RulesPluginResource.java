package ca.gc.microacquisition.rules.cockpit;

import ca.gc.microacquisition.rules.RuleWorkbench;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The Rules page's REST resources, under {@code /camunda/api/cockpit/plugin/rules/{engine}/}. Cockpit signs the
 * user in (session, CSRF token on every POST); every resource checks the user's groups here, on the server:
 * reading for {@link RuleWorkbench#READERS}, checking, trying, deploying and rolling back for
 * {@link RuleWorkbench#EDITORS}; anyone else gets 403. Deployments run as the user through the engine's Java API, so
 * the engine's own rule guard applies and records them.
 */
public class RulesPluginResource extends AbstractCockpitPluginResource {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int MAX_BODY = 2_000_000;

    public RulesPluginResource(String engineName) {
        super(engineName);
    }

    /** Who is signed in and what they may do here (the navigation link and the page ask this). */
    @GET
    @Path("access")
    public Response access() {
        Authentication user = getCurrentAuthentication();
        boolean read = user != null && RuleWorkbench.mayRead(user.getGroupIds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user == null ? null : user.getUserId());
        body.put("read", read);
        body.put("edit", user != null && RuleWorkbench.mayEdit(user.getGroupIds()));
        return json(read ? 200 : 403, body);
    }

    @GET
    @Path("decisions")
    public Response decisions() {
        return json(200, reader().decisions());
    }

    @GET
    @Path("decisions/{key}")
    public Response decision(@PathParam("key") String key) {
        RuleWorkbench workbench = reader();
        return run(() -> workbench.decision(key));
    }

    /** The deployment checks and the rule-by-rule diff for an edited file: {@code {xml}}. */
    @POST
    @Path("decisions/{key}/review")
    @Consumes(JSON)
    public Response review(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        JsonNode request = read(body);
        return run(() -> workbench.review(key, text(request, "xml")));
    }

    /** The input columns of the edited table: {@code {xml}}. */
    @POST
    @Path("decisions/{key}/inputs")
    @Consumes(JSON)
    public Response inputs(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        JsonNode request = read(body);
        return run(() -> workbench.inputs(key, text(request, "xml")));
    }

    /** Example cases: {@code {xml, cases: [{inputId: "typed value"}]}}. */
    @POST
    @Path("decisions/{key}/try")
    @Consumes(JSON)
    public Response tryCases(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        JsonNode request = read(body);
        List<Map<String, String>> cases = new ArrayList<>();
        JsonNode given = request.path("cases");
        if (!given.isArray()) {
            throw new WebApplicationException(problem(400, "'cases' must be a list of example cases."));
        }
        for (JsonNode node : given) {
            Map<String, String> values = new LinkedHashMap<>();
            node.fields()
                    .forEachRemaining(f -> values.put(
                            f.getKey(),
                            f.getValue().isNull() ? null : f.getValue().asText()));
            cases.add(values);
        }
        return run(() -> workbench.tryCases(key, text(request, "xml"), cases));
    }

    /** Replays the edited file on the last N recorded evaluations: {@code {xml, last}}. */
    @POST
    @Path("decisions/{key}/replay")
    @Consumes(JSON)
    public Response replay(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        JsonNode request = read(body);
        int last = request.path("last").asInt(50);
        return run(() -> workbench.replay(key, text(request, "xml"), last));
    }

    /** Deploys the edited file as a new version: {@code {xml, reason}}. */
    @POST
    @Path("decisions/{key}/deploy")
    @Consumes(JSON)
    public Response deploy(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        Authentication user = getCurrentAuthentication();
        JsonNode request = read(body);
        return run(() -> workbench.deploy(
                key, text(request, "xml"), text(request, "reason"), user.getUserId(), user.getGroupIds()));
    }

    /** Deploys an earlier version again, as a new version: {@code {version, reason}}. */
    @POST
    @Path("decisions/{key}/rollback")
    @Consumes(JSON)
    public Response rollback(@PathParam("key") String key, String body) {
        RuleWorkbench workbench = editor();
        Authentication user = getCurrentAuthentication();
        JsonNode request = read(body);
        if (!request.path("version").canConvertToInt()) {
            throw new WebApplicationException(problem(400, "Say which version to roll back to ('version')."));
        }
        return run(() -> workbench.rollback(
                key, request.path("version").asInt(), text(request, "reason"), user.getUserId(), user.getGroupIds()));
    }

    // ------------------------------------------------------------------ helpers

    private RuleWorkbench reader() {
        Authentication user = getCurrentAuthentication();
        if (user == null || !RuleWorkbench.mayRead(user.getGroupIds())) {
            throw new WebApplicationException(
                    problem(403, "Only CFOB (cfob-rules), auditors and administrators may see the decision tables."));
        }
        return workbench();
    }

    private RuleWorkbench editor() {
        Authentication user = getCurrentAuthentication();
        if (user == null || !RuleWorkbench.mayEdit(user.getGroupIds())) {
            throw new WebApplicationException(problem(
                    403, "Only CFOB (cfob-rules) and administrators may try, deploy or roll back decision tables."));
        }
        return workbench();
    }

    private RuleWorkbench workbench() {
        RuleWorkbench workbench = RuleWorkbench.forEngine(getProcessEngine().getName());
        if (workbench == null) {
            throw new WebApplicationException(
                    problem(404, "The rules page is not available for engine " + engineName + "."));
        }
        return workbench;
    }

    private Response run(java.util.function.Supplier<Object> action) {
        try {
            return json(200, action.get());
        } catch (RuleWorkbench.NoSuchDecision e) {
            return problem(404, e.getMessage());
        } catch (AuthorizationException e) {
            return problem(403, e.getMessage());
        } catch (IllegalArgumentException | BadUserRequestException e) {
            return problem(400, e.getMessage());
        }
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new WebApplicationException(problem(400, "Send a JSON body."));
        }
        if (body.length() > MAX_BODY) {
            throw new WebApplicationException(problem(413, "The file is too large."));
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new WebApplicationException(problem(400, "Send a JSON object."));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(problem(400, "The body is not valid JSON."));
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Response json(int status, Object body) {
        try {
            return Response.status(status)
                    .type(JSON)
                    .entity(MAPPER.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        try {
            return Response.status(status)
                    .type("application/problem+json")
                    .entity(MAPPER.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
