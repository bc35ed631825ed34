package ca.gc.microacquisition.rules.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.identity.AccessGroups;
import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.rules.RuleChange;
import ca.gc.microacquisition.rules.RuleChangeLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Rules page's REST resources over HTTP, signed in to Cockpit as each kind of user: who may read, who may try
 * and deploy (the server decides), replay on recorded decision inputs, deployment with a reason, refusal of a table
 * the engine would refuse, and rollback.
 */
@RulesTest
class RulesPluginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Autowired
    RuleChangeLog log;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    /** A manager whom an administrator let into Cockpit: the Rules resources must still refuse them. */
    String managerWithCockpitAccess() {
        String id = "curious-manager";
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id);
            ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService)
                    .saveUser(user, true); // password = user id, like the demo users: skips the password policy
            identityService.createMembership(id, AccessGroups.MANAGERS);
            Authorization access = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            access.setUserId(id);
            access.setResource(Resources.APPLICATION);
            access.setResourceId("cockpit");
            access.addPermission(Permissions.ACCESS);
            authorizationService.saveAuthorization(access);
        }
        return id;
    }

    CockpitClient as(String user) throws Exception {
        CockpitClient client = new CockpitClient(port);
        assertThat(client.login(user)).as("login " + user).isEqualTo(200);
        return client;
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    static String body(Map<String, Object> values) throws Exception {
        return JSON.writeValueAsString(values);
    }

    @Test
    void auditorsReadOnlyCfobEditsOthersAreRefused() throws Exception {
        CockpitClient auditor = as("auditor");
        JsonNode access = json(auditor.get("access").body());
        assertThat(access.path("read").asBoolean()).isTrue();
        assertThat(access.path("edit").asBoolean()).isFalse();
        var list = auditor.get("decisions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"key\":\"Eligibility\"", "\"key\":\"QaGate\"");
        String xml =
                json(auditor.get("decisions/Eligibility").body()).path("xml").asText();
        assertThat(xml).contains("Rule_ValueOverLimit");
        // Read-only: no trying, no deploying, whatever the page shows.
        assertThat(auditor.post("decisions/Eligibility/replay", body(Map.of("xml", xml, "last", 5)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(auditor.post("decisions/Eligibility/deploy", body(Map.of("xml", xml, "reason", "x")))
                        .statusCode())
                .isEqualTo(403);

        // Requesters cannot even sign in to Cockpit; someone in another group who was given Cockpit access is still
        // refused by the rules resources themselves, and so is a caller with no session.
        assertThat(new CockpitClient(port).login("requester")).isEqualTo(403);
        assertThat(new CockpitClient(port).get("decisions").statusCode()).isIn(401, 403);
        CockpitClient requester = as(managerWithCockpitAccess());
        assertThat(requester.get("access").statusCode()).isEqualTo(403);
        assertThat(requester.get("decisions").statusCode()).isEqualTo(403);
        assertThat(requester.get("decisions/Eligibility").statusCode()).isEqualTo(403);
        var refused = requester.post("decisions/Eligibility/deploy", body(Map.of("xml", xml, "reason", "x")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

        JsonNode cfob = json(as("cfob").get("access").body());
        assertThat(cfob.path("edit").asBoolean()).isTrue();
        JsonNode admin = json(as("admin").get("access").body());
        assertThat(admin.path("edit").asBoolean()).isTrue();
    }

    @Test
    void cfobReplaysAnEditOnRecordedCasesDeploysItWithAReasonAndRollsBack() throws Exception {
        String reference = procurements.sharedFinished().reference(); // a real request of 2,500.00 was checked
        CockpitClient cfob = as("cfob");
        JsonNode inForce = json(cfob.get("decisions/Eligibility").body());
        int version = inForce.path("version").asInt();
        String xml = inForce.path("xml").asText();
        String edited = xml.replace("&gt; threshold</text>", "&gt; 1000</text>");
        assertThat(edited).isNotEqualTo(xml);

        // The checks and the diff while editing.
        JsonNode review = json(cfob.post("decisions/Eligibility/review", body(Map.of("xml", edited)))
                .body());
        assertThat(review.path("problems")).isEmpty();
        assertThat(review.path("diff").toString()).contains("Rule_ValueOverLimit", "threshold", "1000");

        // Replay on the recorded inputs: the 2,500.00 request would now be refused, because of the changed rule.
        var replayed = cfob.post("decisions/Eligibility/replay", body(Map.of("xml", edited, "last", 50)));
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        JsonNode replay = json(replayed.body());
        assertThat(replay.path("replayed").asInt()).isPositive();
        assertThat(replay.path("changed").asInt()).isPositive();
        JsonNode changedCase = null;
        for (JsonNode c : replay.path("cases")) {
            if (c.path("case").asText().equals(reference)) {
                changedCase = c;
            }
        }
        assertThat(changedCase).as("the shared procurement is replayed").isNotNull();
        assertThat(changedCase.path("changed").asBoolean()).isTrue();
        assertThat(changedCase.path("inForce").path("text").asText()).isEqualTo("no rule matched");
        assertThat(changedCase.path("why").asText()).contains("now matches rule 1");
        // The same table unchanged changes nothing.
        JsonNode same = json(cfob.post("decisions/Eligibility/replay", body(Map.of("xml", xml, "last", 50)))
                .body());
        assertThat(same.path("changed").asInt()).isZero();

        // Example cases typed in the page.
        var tried = cfob.post(
                "decisions/Eligibility/try",
                body(Map.of(
                        "xml",
                        edited,
                        "cases",
                        List.of(Map.of(
                                "Input_EstimatedValue",
                                "1500",
                                "Input_SecurityClassification",
                                "UNCLASSIFIED",
                                "Input_RemoteWork",
                                "true",
                                "Input_RepositoryOpen",
                                "true",
                                "Input_License",
                                "MIT",
                                "Input_ContainsPersonalInformation",
                                "false",
                                "Input_Department",
                                "ESDC")))));
        assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
        JsonNode example = json(tried.body()).get(0);
        assertThat(example.path("changed").asBoolean()).as(tried.body()).isTrue();
        assertThat(cfob.post(
                                "decisions/Eligibility/try",
                                body(Map.of("xml", edited, "cases", List.of(Map.of("Input_EstimatedValue", "lots")))))
                        .statusCode())
                .isEqualTo(400);

        // No reason, no deployment.
        assertThat(cfob.post("decisions/Eligibility/deploy", body(Map.of("xml", edited, "reason", " ")))
                        .statusCode())
                .isEqualTo(400);
        // A table the engine would refuse: refused, nothing deployed.
        String broken = xml.replace("&gt; threshold</text>", "&gt;&gt; threshold</text>");
        JsonNode brokenReview = json(cfob.post("decisions/Eligibility/review", body(Map.of("xml", broken)))
                .body());
        assertThat(brokenReview.path("problems").toString()).contains("not valid FEEL");
        assertThat(cfob.post("decisions/Eligibility/deploy", body(Map.of("xml", broken, "reason", "typo")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(json(cfob.get("decisions/Eligibility").body())
                        .path("version")
                        .asInt())
                .isEqualTo(version);

        // Deployed as a new version, recorded with who and why.
        var deployed = cfob.post(
                "decisions/Eligibility/deploy",
                body(Map.of("xml", edited, "reason", "Pilot limit lowered to $1,000 for the test")));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(json(deployed.body()).path("decision").path("version").asInt())
                .isEqualTo(version + 1);
        RuleChange change = log.list("Eligibility", 1).get(0);
        assertThat(change.version()).isEqualTo(version + 1);
        assertThat(change.changedBy()).isEqualTo("cfob");
        assertThat(change.reason()).isEqualTo("Pilot limit lowered to $1,000 for the test");

        // Rolled back the same way: the earlier file is in force again, as a newer version.
        var rolledBack =
                cfob.post("decisions/Eligibility/rollback", body(Map.of("version", version, "reason", "Test over")));
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode after = json(cfob.get("decisions/Eligibility").body());
        assertThat(after.path("version").asInt()).isEqualTo(version + 2);
        assertThat(after.path("xml").asText()).contains("&gt; threshold</text>");
        assertThat(log.list("Eligibility", 1).get(0).reason())
                .isEqualTo("Roll back to version " + version + ": Test over");
    }
}
