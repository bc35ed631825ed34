package ca.gc.microacquisition.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit and reporting services of one application, registered under its process engine's name. The Cockpit
 * plugin's resources are created by the webapp's JAX-RS runtime, not by Spring: they find these services through
 * the engine they serve ({@link #forEngine}).
 */
@Component
public class AuditReports implements DisposableBean {

    private static final Map<String, AuditReports> BY_ENGINE = new ConcurrentHashMap<>();

    private final String engineName;
    private final AuditSearchService searches;
    private final AuditTrailService trails;
    private final AuditExport export;
    private final PilotMetricsService metrics;
    private final ProactiveDisclosure disclosure;
    private final ObjectMapper json;
    private final ZoneId zone;

    public AuditReports(ProcessEngine engine, JdbcTemplate jdbc, ObjectMapper json, ZoneId zone) {
        this.engineName = engine.getName();
        this.zone = zone;
        ProcurementSummaries summaries = new ProcurementSummaries(engine, jdbc);
        this.searches = new AuditSearchService(jdbc, summaries, zone);
        this.trails = new AuditTrailService(engine, jdbc, summaries);
        this.export = new AuditExport(zone);
        this.metrics = new PilotMetricsService(engine, jdbc, zone);
        this.disclosure = new ProactiveDisclosure(jdbc, zone);
        this.json = json;
        BY_ENGINE.put(engineName, this);
    }

    /** The services of the application whose engine has this name, or null. */
    public static AuditReports forEngine(String engineName) {
        return BY_ENGINE.get(engineName);
    }

    public AuditSearchService searches() {
        return searches;
    }

    public AuditTrailService trails() {
        return trails;
    }

    public AuditExport export() {
        return export;
    }

    public PilotMetricsService metrics() {
        return metrics;
    }

    public ProactiveDisclosure disclosure() {
        return disclosure;
    }

    /**
     * The trail of every procurement requested between these days (either may be null: open-ended), by reference:
     * what the exports contain.
     */
    public List<ProcurementTrail> trailsRequestedBetween(LocalDate from, LocalDate to) {
        List<ProcurementTrail> found = new ArrayList<>();
        for (ProcurementSummary summary : searches.search(new AuditSearch(null, null, null, from, to, null))) {
            ProcurementTrail trail = trails.trail(summary.reference());
            if (trail != null) {
                found.add(trail);
            }
        }
        found.sort(Comparator.comparing(t -> t.summary().reference()));
        return found;
    }

    public ObjectMapper json() {
        return json;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public void destroy() {
        BY_ENGINE.remove(engineName, this);
    }
}
