package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.common.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff reports over HTTP (auditors and administrators; see {@link ca.gc.microacquisition.security.StaffSecurityConfig}): audit search and
 * exports, pilot metrics, and the proactive-disclosure file. The engine's history is read as the signed-in user.
 */
@RestController
@RequestMapping("/staff")
public class StaffReportsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final AuditReports reports;
    private final IdentityService identityService;
    private final PilotTotals totals;

    public StaffReportsController(AuditReports reports, IdentityService identityService, PilotTotals totals) {
        this.reports = reports;
        this.identityService = identityService;
        this.totals = totals;
    }

    @GetMapping(value = "/audit/procurements", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ProcurementSummary> search(
            Authentication user,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String state) {
        return as(
                user,
                () -> reports.searches().search(new AuditSearch(reference, requester, supplier, from, to, state)));
    }

    @GetMapping(value = "/audit/procurements/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ProcurementTrail trail(Authentication user, @PathVariable String reference) {
        return as(user, () -> found(reference, reports.trails().trail(reference)));
    }

    @GetMapping("/audit/procurements/{reference}/export.csv")
    public ResponseEntity<String> trailCsv(Authentication user, @PathVariable String reference) {
        ProcurementTrail trail = trail(user, reference);
        return download(CSV, "audit-" + reference + ".csv", reports.export().csv(List.of(trail)));
    }

    @GetMapping("/audit/procurements/{reference}/export.html")
    public ResponseEntity<String> trailHtml(Authentication user, @PathVariable String reference) {
        ProcurementTrail trail = trail(user, reference);
        return ResponseEntity.ok().contentType(HTML).body(reports.export().html(trail));
    }

    @GetMapping(value = "/audit/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ProcurementTrail> exportJson(
            Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return as(user, () -> trails(from, to));
    }

    @GetMapping("/audit/export.csv")
    public ResponseEntity<String> exportCsv(
            Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String csv = as(user, () -> reports.export().csv(trails(from, to)));
        return download(
                CSV, "audit-" + (from == null ? "start" : from) + "-to-" + (to == null ? "today" : to) + ".csv", csv);
    }

    @GetMapping(value = "/metrics.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public PilotMetrics metrics(
            Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return as(user, () -> reports.metrics().compute(from, to));
    }

    @GetMapping("/metrics")
    public ResponseEntity<String> metricsPage(
            Authentication user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok().contentType(HTML).body(PilotMetricsPage.html(metrics(user, from, to)));
    }

    /**
     * Computes the pilot metrics' running totals again from the service tables and the history (administrators
     * only, see StaffSecurityConfig): after a bulk import or an SQL fix that went around the service. Only a JSON
     * request is taken: a browser that holds an administrator's Basic credentials sends them with a form posted
     * from another site too, and a form cannot send JSON (415 otherwise).
     */
    @PostMapping(
            value = "/metrics/rebuild",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public PilotTotals.Result rebuildMetrics() {
        return totals.rebuild();
    }

    @GetMapping("/open-data/contracts.csv")
    public ResponseEntity<String> disclosure(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return download(
                CSV, "proactive-disclosure-contracts.csv", reports.disclosure().csv(from, to));
    }

    private List<ProcurementTrail> trails(LocalDate from, LocalDate to) {
        return reports.trailsRequestedBetween(from, to);
    }

    private static ProcurementTrail found(String reference, ProcurementTrail trail) {
        if (trail == null) {
            throw new NotFoundException("No procurement has the reference " + reference + ".");
        }
        return trail;
    }

    /** Runs the history queries as the signed-in user, so the engine's own authorizations apply as well. */
    private <T> T as(Authentication user, Supplier<T> work) {
        List<String> groups = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(
                        ca.gc.microacquisition.identity.CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(
                        ca.gc.microacquisition.identity.CamundaIdentityAuthentication.GROUP_AUTHORITY_PREFIX.length()))
                .toList();
        identityService.setAuthentication(user.getName(), groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static ResponseEntity<String> download(MediaType type, String fileName, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
