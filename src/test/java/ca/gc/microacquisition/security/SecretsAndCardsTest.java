package ca.gc.microacquisition.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gc.microacquisition.adapters.notification.outbox.MessageDelivery;
import ca.gc.microacquisition.adapters.notification.outbox.OutboxDispatcher;
import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessageView;
import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessages;
import ca.gc.microacquisition.adapters.repositoryhost.local.LocalRepositories;
import ca.gc.microacquisition.testsupport.StartForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a hostile member of staff with the demo accounts tried: reading one-time links in the outbox, and card numbers
 * in the process, its history and the audit views. Notifications go through a real channel here ("capture", which
 * keeps what it is given, as an SMTP server would), so the one-time links must still reach their recipient.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=" + SecretsAndCardsTest.ENGINE,
            "app.notify.channel=capture",
            "app.notify.sealing-key=" + SecretsAndCardsTest.KEY
        })
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Import(SecretsAndCardsTest.Capture.class)
class SecretsAndCardsTest {

    static final String ENGINE = "secretsandcards";
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String REST = "/engine-rest/engine/" + ENGINE;
    private static final String CARD = "4242 4242 4242 4242";
    private static final String CARD_DIGITS = "4242424242424242";

    /** The "capture" channel: a mail server that keeps every message it is given. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Capture {
        @Bean
        CapturingDelivery capturingDelivery() {
            return new CapturingDelivery();
        }
    }

    static class CapturingDelivery implements MessageDelivery {
        final List<OutboxMessageView> delivered = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String channel() {
            return "capture";
        }

        @Override
        public void deliver(OutboxMessageView message) {
            delivered.add(message);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    OutboxMessages outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    CapturingDelivery mailServer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService historyService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    LocalRepositories repositories;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    // ------------------------------------------------------------------ one-time links

    @Test
    void anAuditorCannotFindAResetTokenInTheOutboxButTheSupplierResetsWithTheMailedLink() throws Exception {
        String email = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = postJson(
                "/api/suppliers",
                null,
                Map.of(
                        "email",
                        email,
                        "password",
                        "the first long password",
                        "displayName",
                        "Reset Supplier",
                        "language",
                        "en",
                        "declarations",
                        Map.of("ageOfMajority", true, "status", "CITIZEN", "canAcceptCardOrPayPal", true)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        mvc.perform(post("/en/password-reset").with(csrf()).param("email", email))
                .andExpect(status().isOk());

        // the auditor reads the outbox page, and every staff read of the outbox
        String page = mvc.perform(get("/staff/outbox").param("recipient", email).with(httpBasic("auditor", "auditor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("password-reset/new?token=[hidden]");
        List<OutboxMessageView> stored = outbox.byRecipient(email);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).body()).contains("?token=[hidden]").doesNotContainPattern("token=[0-9a-f]{64}");
        assertThat(page).doesNotContainPattern("token=[0-9a-f]{64}");
        String column =
                jdbc.queryForObject("select body from notification_outbox where recipient = ?", String.class, email);
        assertThat(column).doesNotContainPattern("token=[0-9a-f]{64}");

        // the mail server gets the real link
        dispatcher.dispatch();
        OutboxMessageView mail = mailServer.delivered.stream()
                .filter(m -> email.equals(m.recipient()))
                .findFirst()
                .orElseThrow();
        String token = mail.body().replaceAll("(?s).*token=([0-9a-f]{64}).*", "$1");
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(page).doesNotContain(token);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification_outbox where recipient = ? and sealed_body is not null",
                        Integer.class,
                        email))
                .isZero();
        assertThat(mvc.perform(get("/staff/outbox").with(httpBasic("admin", "admin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(token);

        mvc.perform(post("/en/password-reset/new")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/en/sign-in?reset"));
        mvc.perform(post("/sign-in")
                        .with(csrf())
                        .param("email", email)
                        .param("password", "a brand new passphrase")
                        .param("lang", "en"))
                .andExpect(redirectedUrl("/en/my"));
    }

    @Test
    void subscriptionLinksAreHiddenFromStaffAndMailedInFull() throws Exception {
        String email = "alerts-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> subscribed =
                postJson("/api/subscriptions", null, Map.of("email", email, "language", "fr"));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isBetween(200, 202);

        assertThat(outbox.byRecipient(email))
                .singleElement()
                .satisfies(m -> assertThat(m.body())
                        .contains("/subscriptions/confirm?token=[hidden]")
                        .doesNotContainPattern("token=[0-9a-f]{16,}"));
        dispatcher.dispatch();
        assertThat(mailServer.delivered)
                .filteredOn(m -> email.equals(m.recipient()))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.body()).containsPattern("/fr/subscriptions/confirm\\?token=[0-9A-Za-z_-]{16,}"));
    }

    // ------------------------------------------------------------------ card numbers

    @Test
    void aCardNumberIsRefusedAtCommitFundsAndNeverReachesTheHistoryOrTheAuditViews() throws Exception {
        String instanceId = startRequest();
        String reference = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey();
        submitTask(
                taskId(instanceId, "AttestCapacity", "manager"),
                "manager",
                Map.of(
                        "capacityAttestation",
                        "CAPACITY_UNAVAILABLE",
                        "capacityRationale",
                        "Asked both teams; the card " + CARD_DIGITS + " was mentioned by mistake."),
                204);
        String commit = taskId(instanceId, "CommitFunds", "manager");

        for (String card : List.of(CARD, CARD_DIGITS, "4242-4242-4242-4242", "tok_" + CARD_DIGITS)) {
            HttpResponse<String> refused = submitTask(
                    commit,
                    "manager",
                    Map.of(
                            "fundsDecision",
                            "COMMITTED",
                            "financialCoding",
                            "FC-1234-5678",
                            "paymentMethod",
                            card,
                            "section32Certified",
                            true),
                    400);
            assertThat(json.readTree(refused.body()).get("message").asText())
                    .contains("looks like a card number")
                    .doesNotContain(CARD_DIGITS);
        }
        HttpResponse<String> notAToken = submitTask(
                commit,
                "manager",
                Map.of(
                        "fundsDecision",
                        "COMMITTED",
                        "financialCoding",
                        "FC-1234-5678",
                        "paymentMethod",
                        "VISA ending 4242",
                        "section32Certified",
                        true),
                400);
        assertThat(json.readTree(notAToken.body()).get("message").asText()).contains("card processor token");
        assertThat(jdbc.queryForObject(
                        "select count(*) from funds_commitment f join opportunity o on o.id = f.opportunity_id"
                                + " where o.reference = ?",
                        Integer.class,
                        reference))
                .isZero();

        submitTask(
                commit,
                "manager",
                Map.of(
                        "fundsDecision",
                        "COMMITTED",
                        "financialCoding",
                        "FC-1234-5678",
                        "paymentMethod",
                        "pm_card_visa",
                        "section32Certified",
                        true),
                204);
        assertThat(jdbc.queryForObject(
                        "select f.payment_method from funds_commitment f join opportunity o"
                                + " on o.id = f.opportunity_id where o.reference = ?",
                        String.class,
                        reference))
                .isEqualTo("pm_card_visa");

        // staff with engine access set the variable directly, as a number and as text
        runtimeService.setVariable(instanceId, "paymentMethod", CARD);
        runtimeService.setVariable(instanceId, "paymentMethod", Long.parseLong(CARD_DIGITS));
        runtimeService.setVariable(instanceId, "drawLikeSeed", 4111111111111111L);
        runtimeService.setVariable(instanceId, "financeNote", "charge " + CARD + " please");

        List<String> stored = new ArrayList<>();
        for (HistoricVariableInstance v : historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .includeDeleted()
                .disableCustomObjectDeserialization()
                .list()) {
            stored.add(v.getName() + "=" + text(v.getTypedValue()));
        }
        for (HistoricDetail d : historyService
                .createHistoricDetailQuery()
                .processInstanceId(instanceId)
                .disableCustomObjectDeserialization()
                .list()) {
            if (d instanceof HistoricVariableUpdate u) {
                stored.add(u.getVariableName() + "=" + text(u.getTypedValue()));
            } else if (d instanceof HistoricFormField f) {
                stored.add(f.getFieldId() + "=" + f.getFieldValue());
            }
        }
        String history = String.join("\n", stored);
        assertThat(history)
                .contains(
                        "paymentMethod=…visa",
                        "paymentMethod=…4242",
                        "drawLikeSeed=4111111111111111",
                        "financeNote=charge …4242 please",
                        "the card …4242 was mentioned")
                .doesNotContain(
                        CARD, "pm_card_visa", "paymentMethod=" + CARD_DIGITS, "financeNote=charge " + CARD_DIGITS);

        // every audit view of the procurement
        for (String path : List.of(
                "/staff/audit/procurements/" + reference,
                "/staff/audit/procurements/" + reference + "/export.csv",
                "/staff/audit/procurements/" + reference + "/export.html",
                "/staff/audit/export.json",
                "/staff/audit/export.csv")) {
            HttpResponse<String> view = getAs(path, "auditor");
            assertThat(view.statusCode()).as(path).isEqualTo(200);
            assertThat(view.body()).as(path).doesNotContain(CARD_DIGITS, CARD, "pm_card_visa");
        }
    }

    // ------------------------------------------------------------------ what earlier versions stored

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theMigrationPurgesCardNumbersAndOneTimeTokensAlreadyStored() throws Exception {
        String instanceId = startRequest();
        String opportunityId = jdbc.queryForObject(
                "select o.id from opportunity o where o.reference = ?",
                String.class,
                historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getBusinessKey());
        jdbc.update(
                "insert into funds_commitment (opportunity_id, financial_coding, payment_method, committed_by,"
                        + " committed_at, version) values (?, ?, ?, 'manager', current_timestamp, 0)",
                UUID.fromString(opportunityId),
                "FC 4111-1111-1111-1111",
                CARD);
        String varId = "legacy-" + UUID.randomUUID();
        String detailId = "legacy-" + UUID.randomUUID();
        String formId = "legacy-" + UUID.randomUUID();
        String noteId = "legacy-" + UUID.randomUUID();
        jdbc.update(
                "insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, STATE_) values (?, ?,"
                        + " 'paymentMethod', 'string', ?, 'DELETED')",
                varId,
                instanceId,
                CARD_DIGITS);
        jdbc.update(
                "insert into ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, PROC_INST_ID_, VAR_TYPE_, TEXT_) values (?,"
                        + " 'VariableUpdate', current_timestamp, 'paymentMethod', ?, 'string', ?)",
                detailId,
                instanceId,
                CARD);
        jdbc.update(
                "insert into ACT_HI_DETAIL (ID_, TYPE_, TIME_, NAME_, PROC_INST_ID_, TEXT_) values (?,"
                        + " 'FormProperty', current_timestamp, 'paymentMethod', ?, 'pm_card_visa')",
                formId,
                instanceId);
        jdbc.update(
                "insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, STATE_) values (?, ?,"
                        + " 'financeNote', 'string', ?, 'CREATED')",
                noteId,
                instanceId,
                "use " + CARD + " today");
        UUID messageId = UUID.randomUUID();
        jdbc.update(
                "insert into notification_outbox (id, recipient, language, subject, body, kind, channel, created_at)"
                        + " values (?, 'legacy@example.com', 'en', 'Reset', ?, 'PASSWORD_RESET', 'outbox', current_timestamp)",
                messageId,
                "Reset: https://x.gc.ca/en/password-reset/new?token=" + "ab".repeat(32));

        try (java.sql.Connection connection = dataSource.getConnection()) {
            new db.migration.V46__Hide_card_numbers_and_one_time_secrets()
                    .migrate(new org.flywaydb.core.api.migration.Context() {
                        @Override
                        public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                            return null;
                        }

                        @Override
                        public java.sql.Connection getConnection() {
                            return connection;
                        }
                    });
        }

        Map<String, Object> funds = jdbc.queryForMap(
                "select payment_method, financial_coding from funds_commitment" + " where opportunity_id = ?",
                UUID.fromString(opportunityId));
        assertThat(funds.get("payment_method")).isEqualTo("…4242");
        assertThat(funds.get("financial_coding")).isEqualTo("FC …1111");
        assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_VARINST where ID_ = ?", String.class, varId))
                .isEqualTo("…4242");
        assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_DETAIL where ID_ = ?", String.class, detailId))
                .isEqualTo("…4242");
        assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_DETAIL where ID_ = ?", String.class, formId))
                .isEqualTo("…visa");
        assertThat(jdbc.queryForObject("select VAR_TYPE_ from ACT_HI_DETAIL where ID_ = ?", String.class, formId))
                .isNull();
        assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_VARINST where ID_ = ?", String.class, noteId))
                .isEqualTo("use …4242 today");
        assertThat(jdbc.queryForObject("select body from notification_outbox where id = ?", String.class, messageId))
                .isEqualTo("Reset: https://x.gc.ca/en/password-reset/new?token=[hidden]");
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instanceId)
                        .includeDeleted()
                        .variableName("paymentMethod")
                        .list())
                .extracting(HistoricVariableInstance::getValue)
                .containsOnly("…4242");
    }

    // ------------------------------------------------------------------ helpers

    private static String text(org.camunda.bpm.engine.variable.value.TypedValue value) {
        if (value instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable
                && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return value == null ? null : String.valueOf(value.getValue());
    }

    private String startRequest() throws Exception {
        String repositoryUrl = repositories.createRepository(
                "secrets" + UUID.randomUUID().toString().substring(0, 8), "widget", "MIT");
        Map<String, Object> variables = StartForms.requestVariables(repositoryUrl, "2500.00");
        HttpResponse<String> started = postJson(
                REST + "/process-definition/key/MicroProcurement/submit-form",
                "requester",
                Map.of("variables", variables));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instanceId = json.readTree(started.body()).get("id").asText();
        runJobs(instanceId);
        return instanceId;
    }

    private String taskId(String instanceId, String key, String user) throws Exception {
        JsonNode tasks =
                json.readTree(getAs(REST + "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + key, user)
                        .body());
        assertThat(tasks).as("task " + key + " visible to " + user).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        if (tasks.get(0).get("assignee").isNull()) {
            assertThat(postJson(REST + "/task/" + id + "/claim", user, Map.of("userId", user))
                            .statusCode())
                    .isEqualTo(204);
        }
        return id;
    }

    private HttpResponse<String> submitTask(String taskId, String user, Map<String, Object> values, int expected)
            throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> response =
                postJson(REST + "/task/" + taskId + "/submit-form", user, Map.of("variables", variables));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response;
    }

    private void runJobs(String instanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService
                    .createJobQuery()
                    .processInstanceId(instanceId)
                    .executable()
                    .messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private HttpResponse<String> getAs(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    private HttpResponse<String> postJson(String path, String user, Object body) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
