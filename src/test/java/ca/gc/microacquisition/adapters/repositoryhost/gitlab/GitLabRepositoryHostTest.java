package ca.gc.microacquisition.adapters.repositoryhost.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHostUnavailableException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GitLab adapter against a stand-in serving GitLab's documented REST (v4) responses. */
class GitLabRepositoryHostTest {

    static final String SHA = "b83d6e391c22777fca1ed3012fce84f633d7fed0";
    /** gitlab4j sends the project path URL-encoded, "-" included (%2D). */
    static final String PROJECT = "/api/v4/projects/gc(-|%2D)demo(%2F|/)widget";

    static final String TOKEN = "glpat-standin0000000000";

    @RegisterExtension
    static WireMockExtension gitlab = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderClasspath("wiremock"))
            .build();

    GitLabRepositoryHost host;
    String repo;

    @BeforeEach
    void setUp() {
        host = new GitLabRepositoryHost(
                new GitLabProperties(gitlab.baseUrl(), TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        repo = gitlab.baseUrl() + "/gc-demo/widget";
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBodyFile(file);
    }

    @Test
    void recognisesProjectAndMergeRequestUrlsOnItsInstanceOnly() {
        assertThat(host.recognizes(repo)).isTrue();
        assertThat(host.recognizes(gitlab.baseUrl() + "/gc-demo/tools/widget")).isTrue();
        assertThat(host.recognizes("https://github.com/gc-demo/widget")).isFalse();
        assertThat(host.isChangeRequestOf(repo + "/-/merge_requests/5", repo)).isTrue();
        assertThat(host.isChangeRequestOf(gitlab.baseUrl() + "/other/widget/-/merge_requests/5", repo))
                .isFalse();
        assertThat(host.recognizes(repo + "/-/merge_requests/5")).isFalse();
        assertThat(gitlab.getAllServeEvents()).isEmpty();
    }

    @Test
    void describesAPublicProjectWithItsLicence() {
        gitlab.stubFor(get(urlPathMatching(PROJECT)).willReturn(json(200, "gitlab/project.json")));

        var info = host.describe(repo);

        assertThat(info.exists()).isTrue();
        assertThat(info.publicVisible()).isTrue();
        assertThat(info.defaultBranch()).isEqualTo("main");
        assertThat(info.licenceSpdxId()).isEqualTo("Apache-2.0");
        gitlab.verify(getRequestedFor(urlPathMatching(PROJECT))
                .withQueryParam("license", equalTo("true"))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
    }

    @Test
    void readsAMergedRequestWithASuccessfulPipelineItsLicenceAndItsSastReport() {
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/merge_requests/5"))
                .willReturn(json(200, "gitlab/merge-request-5-merged.json")));
        stubLicence();
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/pipelines/1102/jobs"))
                .willReturn(json(200, "gitlab/jobs-with-sast.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/jobs/7002/artifacts/gl-sast-report.json"))
                .willReturn(json(200, "gitlab/gl-sast-report.json")));

        var report = host.inspectChangeRequest(repo + "/-/merge_requests/5");

        assertThat(report.state()).isEqualTo(State.MERGED);
        assertThat(report.headSha()).isEqualTo(SHA);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.PASSED);
        assertThat(report.licenceFilePresent()).isTrue();
        assertThat(report.licenceSpdxId()).isEqualTo("Apache-2.0");
        assertThat(report.scanningAvailable()).isTrue();
        assertThat(report.findings())
                .extracting(Finding::severity)
                .containsExactly(Finding.Severity.HIGH, Finding.Severity.MEDIUM, Finding.Severity.NOTE);
        assertThat(report.findings().get(0))
                .isEqualTo(new Finding(
                        "Semgrep",
                        "semgrep_id:find_sec_bugs.SQL_INJECTION_SPRING_JDBC-1",
                        Finding.Severity.HIGH,
                        "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')",
                        "src/main/java/org/example/Search.java",
                        41));
    }

    @Test
    void withoutASastReportScanningIsReportedUnavailable() {
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/merge_requests/6"))
                .willReturn(json(200, "gitlab/merge-request-6-open.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/repository/tree"))
                .withQueryParam("ref", equalTo(SHA))
                .willReturn(json(200, "gitlab/tree-without-licence.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/pipelines/1103/jobs"))
                .willReturn(json(200, "gitlab/jobs-without-sast.json")));

        var report = host.inspectChangeRequest(repo + "/-/merge_requests/6");

        assertThat(report.state()).isEqualTo(State.OPEN);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.FAILED);
        assertThat(report.licenceFilePresent()).isFalse();
        assertThat(report.scanningAvailable()).isFalse();
        assertThat(report.scanningNote()).startsWith("SAST is not enabled on gc-demo/widget");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anUnknownMergeRequestIsNotFound() {
        gitlab.stubFor(
                get(urlPathMatching(PROJECT + "/merge_requests/404")).willReturn(json(404, "gitlab/not-found.json")));

        assertThat(host.inspectChangeRequest(repo + "/-/merge_requests/404").state())
                .isEqualTo(State.NOT_FOUND);
    }

    @Test
    void serverErrorsAreOutages() {
        gitlab.stubFor(
                get(urlPathMatching(PROJECT + "/merge_requests/5")).willReturn(json(503, "gitlab/server-error.json")));

        assertThatThrownBy(() -> host.inspectChangeRequest(repo + "/-/merge_requests/5"))
                .isInstanceOf(RepositoryHostUnavailableException.class)
                .hasMessageContaining("503");
    }

    @Test
    void aSlowInstanceIsAnOutage() {
        gitlab.stubFor(get(urlPathMatching(PROJECT))
                .willReturn(json(200, "gitlab/project.json").withFixedDelay(3_000)));

        assertThatThrownBy(() -> host.describe(repo)).isInstanceOf(RepositoryHostUnavailableException.class);
    }

    private void stubLicence() {
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/repository/tree"))
                .withQueryParam("ref", equalTo(SHA))
                .willReturn(json(200, "gitlab/tree-with-licence.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/repository/files/LICENSE/raw"))
                .withQueryParam("ref", equalTo(SHA))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBodyFile("gitlab/LICENSE.txt")));
    }

    @Test
    void aGnuLicenceGetsTheSameIdAsOnEveryOtherHost() throws Exception {
        String project = new String(
                        getClass()
                                .getResourceAsStream("/wiremock/__files/gitlab/project.json")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"key\": \"apache-2.0\"", "\"key\": \"gpl-3.0\"");
        gitlab.stubFor(get(urlPathMatching(PROJECT))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(project)));
        assertThat(host.describe(repo).licenceSpdxId()).isEqualTo("GPL-3.0-or-later");

        gitlab.stubFor(get(urlPathMatching(PROJECT + "/merge_requests/5"))
                .willReturn(json(200, "gitlab/merge-request-5-merged.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/repository/tree"))
                .withQueryParam("ref", equalTo(SHA))
                .willReturn(json(200, "gitlab/tree-with-licence.json")));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/repository/files/LICENSE/raw"))
                .withQueryParam("ref", equalTo(SHA))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody(new String(
                                getClass()
                                        .getResourceAsStream("/licences/GPL-3")
                                        .readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8))));
        gitlab.stubFor(get(urlPathMatching(PROJECT + "/pipelines/1102/jobs"))
                .willReturn(json(200, "gitlab/jobs-without-sast.json")));

        assertThat(host.inspectChangeRequest(repo + "/-/merge_requests/5").licenceSpdxId())
                .isEqualTo("GPL-3.0-or-later");
    }
}
