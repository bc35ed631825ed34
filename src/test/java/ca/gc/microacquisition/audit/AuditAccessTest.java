package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.process.ProcurementsForReports;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only auditors and administrators get the audit trail, the exports, the metrics and the open-data file. */
@AuditTest
class AuditAccessTest {

    /** Every resource of the Cockpit plugin (after /camunda/api/cockpit/plugin/audit/{engine}/). */
    private static final List<String> PLUGIN = List.of(
            "access",
            "procurements",
            "procurements/%s",
            "procurements/%s/export.csv",
            "procurements/%s/export.html",
            "export.csv",
            "export.json",
            "metrics",
            "open-data/contracts.csv");

    /** Every staff report over HTTP Basic. */
    private static final List<String> STAFF = List.of(
            "/staff/audit/procurements",
            "/staff/audit/procurements/%s",
            "/staff/audit/procurements/%s/export.csv",
            "/staff/audit/procurements/%s/export.html",
            "/staff/audit/export.csv",
            "/staff/audit/export.json",
            "/staff/metrics",
            "/staff/metrics.json",
            "/staff/open-data/contracts.csv");

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Test
    void auditorsAndAdministratorsGetEveryPluginResource() throws Exception {
        String reference = procurements.sharedFinished().reference();
        for (String user : List.of("auditor", "admin")) {
            WebClient web = new WebClient(port);
            assertThat(web.login(user, "cockpit")).isEqualTo(200);
            for (String path : PLUGIN) {
                assertThat(web.plugin(path.formatted(reference)).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void otherSignedInUsersAreRefusedByEveryPluginResource() throws Exception {
        String reference = procurements.sharedFinished().reference();
        // cfob may open Cockpit (to see its decision tables), but not the Audit page.
        WebClient cfob = new WebClient(port);
        assertThat(cfob.login("cfob", "cockpit")).isEqualTo(200);
        assertRefused(cfob, "cfob", reference);
        // Staff cannot open Cockpit; signed in to Tasklist, their session still reaches no plugin resource.
        for (String user : List.of("requester", "manager", "finance", "evaluator", "officer", "qa")) {
            assertThat(new WebClient(port).login(user, "cockpit"))
                    .as(user + " in Cockpit")
                    .isEqualTo(403);
            WebClient web = new WebClient(port);
            assertThat(web.login(user, "tasklist")).as(user + " in Tasklist").isEqualTo(200);
            assertRefused(web, user, reference);
        }
    }

    @Test
    void anonymousCallsReachNoPluginResource() throws Exception {
        WebClient web = new WebClient(port);
        for (String path : PLUGIN) {
            assertThat(web.plugin(path.formatted("MA-2026-0001")).statusCode())
                    .as(path)
                    .isIn(401, 403);
        }
    }

    @Test
    void staffReportsAnswerAuditorsAndAdministratorsOnly() throws Exception {
        String reference = procurements.sharedFinished().reference();
        WebClient web = new WebClient(port);
        for (String path : STAFF) {
            String url = path.formatted(reference);
            assertThat(web.get(url, "auditor").statusCode())
                    .as("auditor " + url)
                    .isEqualTo(200);
            assertThat(web.get(url, "admin").statusCode()).as("admin " + url).isEqualTo(200);
            for (String user : List.of("requester", "manager", "finance", "cfob")) {
                var response = web.get(url, user);
                assertThat(response.statusCode()).as(user + " " + url).isEqualTo(403);
                assertThat(response.body()).contains("Only auditors and administrators");
            }
            var anonymous = web.get(url, null);
            assertThat(anonymous.statusCode()).as("anonymous " + url).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
    }

    private void assertRefused(WebClient web, String user, String reference) throws Exception {
        for (String path : PLUGIN) {
            var response = web.plugin(path.formatted(reference));
            assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
            assertThat(response.body()).doesNotContain(reference);
        }
    }
}
