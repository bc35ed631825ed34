package ca.gc.microacquisition.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The management port: health probes open to anyone but saying only UP/DOWN, the job executor's health, and the
 * Prometheus metrics behind a monitoring account. Runs with the job executor on, as in production.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.process-engine-name=opstest", "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
@AutoConfigureObservability
class OperationsEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JobExecutorHealthIndicator jobExecutorHealth;

    @Test
    void probesAnswerWithoutCredentialsAndRevealNoDetails() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(managementPort, probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body())
                    .as(probe)
                    .startsWith("{\"status\":\"UP\"")
                    .doesNotContain("components", "details", "jobExecutor", "db");
        }
        // not on the public port
        assertThat(get(port, "/actuator/health/liveness", null).statusCode()).isNotEqualTo(200);
        assertThat(get(port, "/actuator/prometheus", admin()).statusCode()).isNotEqualTo(200);
    }

    @Test
    void theJobExecutorIsHealthyOnlyWhileItsAcquisitionRuns() throws Exception {
        var health = jobExecutorHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("active", true).containsEntry("acquisitionRunning", true);

        JobExecutor executor =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        executor.shutdown();
        try {
            assertThat(jobExecutorHealth.health().getStatus()).isEqualTo(Status.DOWN);
            HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness", null);
            assertThat(liveness.statusCode()).isEqualTo(503);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(503);
        } finally {
            executor.start();
        }
        assertThat(jobExecutorHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedAMonitoringAccountAndNameWhatOperatorsWatch() throws Exception {
        get(port, "/api/opportunities", null);
        assertThat(get(managementPort, "/actuator/prometheus", null).statusCode())
                .isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", credentials(user("requesters")))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", admin());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "microacquisition_procurements_started_total",
                        "microacquisition_procurements_finished_total{",
                        "microacquisition_jobs_executed_total{",
                        "outcome=\"failed\"",
                        "microacquisition_incidents_open",
                        "microacquisition_payments_total{",
                        "outcome=\"DECLINED\"",
                        "http_server_requests_seconds_bucket{",
                        "uri=\"/api/opportunities\"",
                        "application=\"micro-acquisition\"");
    }

    private String admin() {
        return credentials(user("camunda-admin"));
    }

    private String user(String group) {
        String id = "ops" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(id);
        u.setPassword("A monitoring passw0rd!");
        identity.saveUser(u);
        if (identity.createGroupQuery().groupId(group).singleResult() == null) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(id, group);
        return id;
    }

    private static String credentials(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":A monitoring passw0rd!").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
