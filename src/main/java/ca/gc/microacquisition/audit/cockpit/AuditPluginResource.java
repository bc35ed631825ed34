package ca.gc.microacquisition.audit.cockpit;

import ca.gc.microacquisition.audit.AuditAccess;
import ca.gc.microacquisition.audit.AuditReports;
import ca.gc.microacquisition.audit.AuditSearch;
import ca.gc.microacquisition.audit.ProcurementSummary;
import ca.gc.microacquisition.audit.ProcurementTrail;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The Audit page's read-only REST resources, under {@code /camunda/api/cockpit/plugin/audit/{engine}/}. Cockpit
 * signs the user in and runs the request as that user on the engine (so the engine's history authorizations apply);
 * every resource first checks that the user is in {@code auditors} or {@code camunda-admin} and answers 403 otherwise.
 */
public class AuditPluginResource extends AbstractCockpitPluginResource {

    private static final String JSON = "application/json";
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";

    public AuditPluginResource(String engineName) {
        super(engineName);
    }

    /** Who is signed in and whether they may use the Audit page (the navigation link asks this). */
    @GET
    @Path("access")
    public Response access() {
        Authentication authentication = getCurrentAuthentication();
        boolean allowed = authentication != null && AuditAccess.allowed(authentication.getGroupIds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", authentication == null ? null : authentication.getUserId());
        body.put("allowed", allowed);
        return json(allowed ? 200 : 403, body);
    }

    @GET
    @Path("procurements")
    public Response search(
            @QueryParam("reference") String reference,
            @QueryParam("requester") String requester,
            @QueryParam("supplier") String supplier,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("state") String state) {
        AuditReports reports = reports();
        List<ProcurementSummary> found = reports.searches()
                .search(new AuditSearch(reference, requester, supplier, date(from, "from"), date(to, "to"), state));
        return json(200, found);
    }

    @GET
    @Path("procurements/{reference}")
    public Response trail(@PathParam("reference") String reference) {
        return json(200, trailOf(reports(), reference));
    }

    /**
     * The BPMN diagram of the process version this procurement ran on (every procurement keeps the version it
     * started with), for drawing its path: {@code {processDefinitionId, key, name, version, xml}}.
     */
    @GET
    @Path("procurements/{reference}/diagram")
    public Response diagram(@PathParam("reference") String reference) {
        ProcurementTrail trail = trailOf(reports(), reference);
        String instanceId = trail.summary().processInstanceId();
        HistoricProcessInstance instance = instanceId == null
                ? null
                : getProcessEngine()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult();
        if (instance == null) {
            throw new WebApplicationException(
                    problem(404, "The procurement " + reference + " has no process instance."));
        }
        ProcessDefinition definition =
                getProcessEngine().getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
        String xml;
        try (InputStream model = getProcessEngine().getRepositoryService().getProcessModel(definition.getId())) {
            xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("processDefinitionId", definition.getId());
        body.put("key", definition.getKey());
        body.put("name", definition.getName());
        body.put("version", definition.getVersion());
        body.put("xml", xml);
        return json(200, body);
    }

    @GET
    @Path("procurements/{reference}/export.csv")
    public Response trailCsv(@PathParam("reference") String reference) {
        AuditReports reports = reports();
        return download(CSV, "audit-" + reference + ".csv", reports.export().csv(List.of(trailOf(reports, reference))));
    }

    @GET
    @Path("procurements/{reference}/export.html")
    public Response trailHtml(@PathParam("reference") String reference) {
        AuditReports reports = reports();
        return Response.ok(reports.export().html(trailOf(reports, reference)), HTML)
                .build();
    }

    @GET
    @Path("export.csv")
    public Response exportCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        AuditReports reports = reports();
        return download(
                CSV,
                "audit-" + (from == null || from.isBlank() ? "start" : from) + "-to-"
                        + (to == null || to.isBlank() ? "today" : to) + ".csv",
                reports.export().csv(trails(reports, date(from, "from"), date(to, "to"))));
    }

    @GET
    @Path("export.json")
    public Response exportJson(@QueryParam("from") String from, @QueryParam("to") String to) {
        AuditReports reports = reports();
        return json(200, trails(reports, date(from, "from"), date(to, "to")));
    }

    @GET
    @Path("metrics")
    public Response metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return json(200, reports().metrics().compute(date(from, "from"), date(to, "to")));
    }

    @GET
    @Path("open-data/contracts.csv")
    public Response disclosure(@QueryParam("from") String from, @QueryParam("to") String to) {
        AuditReports reports = reports();
        return download(
                CSV,
                "proactive-disclosure-contracts.csv",
                reports.disclosure().csv(date(from, "from"), date(to, "to")));
    }

    // ------------------------------------------------------------------ helpers

    /** The services, once the signed-in user is known to be an auditor or administrator. */
    private AuditReports reports() {
        Authentication authentication = getCurrentAuthentication();
        if (authentication == null || !AuditAccess.allowed(authentication.getGroupIds())) {
            throw new WebApplicationException(problem(403, AuditAccess.REFUSAL));
        }
        AuditReports reports = AuditReports.forEngine(getProcessEngine().getName());
        if (reports == null) {
            throw new WebApplicationException(
                    problem(404, "The audit reports are not available for engine " + engineName + "."));
        }
        return reports;
    }

    private static ProcurementTrail trailOf(AuditReports reports, String reference) {
        ProcurementTrail trail = reports.trails().trail(reference);
        if (trail == null) {
            throw new WebApplicationException(problem(404, "No procurement has the reference " + reference + "."));
        }
        return trail;
    }

    private static List<ProcurementTrail> trails(AuditReports reports, LocalDate from, LocalDate to) {
        return reports.trailsRequestedBetween(from, to);
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new WebApplicationException(problem(400, "'" + name + "' must be a date like 2026-03-31."));
        }
    }

    private Response json(int status, Object body) {
        try {
            return Response.status(status)
                    .type(JSON)
                    .entity(reportsJson().writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private com.fasterxml.jackson.databind.ObjectMapper reportsJson() {
        AuditReports reports = AuditReports.forEngine(getProcessEngine().getName());
        return reports != null
                ? reports.json()
                : new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
    }

    private static Response download(String type, String fileName, String body) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private static Response problem(int status, String detail) {
        String body = "{\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return Response.status(status)
                .type("application/problem+json")
                .entity(body)
                .build();
    }
}
