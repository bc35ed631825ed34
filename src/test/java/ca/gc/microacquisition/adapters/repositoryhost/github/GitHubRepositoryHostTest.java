package ca.gc.microacquisition.adapters.repositoryhost.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHostUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GitHub adapter against a stand-in serving GitHub's documented REST responses. */
class GitHubRepositoryHostTest {

    static final String REPO = "https://github.com/gc-demo/widget";
    static final String SHA_7 = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    static final String SHA_8 = "a1f3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9";
    static final String TOKEN = "ghp_testtoken0000000000000000000000000000";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig()
                    .dynamicPort()
                    .usingFilesUnderClasspath("wiremock")
                    .globalTemplating(true))
            .build();

    GitHubRepositoryHost host;

    @BeforeEach
    void setUp() {
        host = new GitHubRepositoryHost(
                new GitHubProperties(github.baseUrl(), TOKEN, false, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget")).willReturn(json(200, "github/repo.json")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String file) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBodyFile(file);
    }

    @Test
    void recognisesRepositoryAndPullRequestUrlsWithoutCallingGitHub() {
        assertThat(host.recognizes(REPO)).isTrue();
        assertThat(host.recognizes(REPO + ".git")).isTrue();
        assertThat(host.recognizes("https://gitlab.com/gc-demo/widget")).isFalse();
        assertThat(host.recognizes("https://github.com/gc-demo")).isFalse();
        assertThat(host.isChangeRequestOf(REPO + "/pull/7", REPO)).isTrue();
        assertThat(host.isChangeRequestOf("https://github.com/GC-Demo/Widget/pull/7/", REPO))
                .isTrue();
        assertThat(host.isChangeRequestOf("https://github.com/other/widget/pull/7", REPO))
                .isFalse();
        assertThat(host.isChangeRequestOf(REPO + "/issues/7", REPO)).isFalse();
        assertThat(github.getAllServeEvents()).isEmpty();
    }

    @Test
    void recognisesTheEnterpriseHostOfTheApiUrl() {
        var enterprise = new GitHubRepositoryHost(new GitHubProperties(
                "https://ghe.example.gc.ca/api/v3", TOKEN, false, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThat(enterprise.recognizes("https://ghe.example.gc.ca/team/tool")).isTrue();
        assertThat(enterprise.recognizes("https://github.com/team/tool")).isTrue();
        assertThat(enterprise.recognizes("https://elsewhere.example/team/tool")).isFalse();
    }

    @Test
    void describesAPublicRepositoryWithItsLicence() {
        github.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/license")).willReturn(json(200, "github/license.json")));

        var info = host.describe(REPO);

        assertThat(info.exists()).isTrue();
        assertThat(info.publicVisible()).isTrue();
        assertThat(info.defaultBranch()).isEqualTo("main");
        assertThat(info.licenceSpdxId()).isEqualTo("MIT");
        github.verify(getRequestedFor(urlPathEqualTo("/repos/gc-demo/widget"))
                .withHeader("Authorization", equalTo("token " + TOKEN).or(equalTo("Bearer " + TOKEN))));
    }

    @Test
    void describesAMissingRepositoryAsMissing() {
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/gone")).willReturn(json(404, "github/not-found.json")));

        var info = host.describe("https://github.com/gc-demo/gone");

        assertThat(info.exists()).isFalse();
        assertThat(info.publicVisible()).isFalse();
    }

    @Test
    void readsAnOpenPullRequestWithPassingChecksLicenceAndCodeScanningAlerts() {
        stubPull(7, "github/pull-7-open.json", SHA_7, "github/check-runs-passing.json");
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/statuses/" + SHA_7))
                .willReturn(json(200, "github/statuses-success.json")));
        github.stubFor(get(urlPathMatching("/repos/gc-demo/widget/contents/?"))
                .withQueryParam("ref", equalTo(SHA_7))
                .willReturn(json(200, "github/contents-root.json")));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/license"))
                .withQueryParam("ref", equalTo(SHA_7))
                .willReturn(json(200, "github/license.json")));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .withQueryParam("ref", equalTo("refs/pull/7/head"))
                .withQueryParam("state", equalTo("open"))
                .willReturn(json(200, "github/code-scanning-alerts.json")));

        ChangeRequestReport report = host.inspectChangeRequest(REPO + "/pull/7");

        assertThat(report.state()).isEqualTo(State.OPEN);
        assertThat(report.headSha()).isEqualTo(SHA_7);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.PASSED);
        assertThat(report.licenceFilePresent()).isTrue();
        assertThat(report.licenceSpdxId()).isEqualTo("MIT");
        assertThat(report.scanningAvailable()).isTrue();
        assertThat(report.scanningNote()).isNull();
        assertThat(report.findings())
                .containsExactly(
                        new Finding(
                                "CodeQL",
                                "java/sql-injection",
                                Finding.Severity.HIGH,
                                "This query depends on a user-provided value.",
                                "src/main/java/org/example/Search.java",
                                41),
                        new Finding(
                                "CodeQL",
                                "java/unused-local-variable",
                                Finding.Severity.MEDIUM,
                                "Variable 'tmp' is never read.",
                                "src/main/java/org/example/Picker.java",
                                17));
    }

    @Test
    void readsAMergedPullRequestWithFailingChecksNoLicenceAndScanningNotEnabled() {
        stubMergedWithoutLicence();
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .willReturn(json(404, "github/code-scanning-404.json")));

        ChangeRequestReport report = host.inspectChangeRequest(REPO + "/pull/8");

        assertThat(report.state()).isEqualTo(State.MERGED);
        assertThat(report.headSha()).isEqualTo(SHA_8);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.FAILED);
        assertThat(report.licenceFilePresent()).isFalse();
        assertThat(report.licenceSpdxId()).isNull();
        assertThat(report.scanningAvailable()).isFalse();
        assertThat(report.scanningNote())
                .startsWith("Code scanning is not enabled on gc-demo/widget (GitHub answered 404");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void reportsCodeScanningRefusedWith403AsAFindingForTheReviewerNotAFailure() {
        stubMergedWithoutLicence();
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .willReturn(json(403, "github/code-scanning-403.json")));

        ChangeRequestReport report = host.inspectChangeRequest(REPO + "/pull/8");

        assertThat(report.scanningAvailable()).isFalse();
        assertThat(report.scanningNote())
                .contains("403")
                .contains("Advanced Security must be enabled")
                .contains("Code scanning alerts: read");
    }

    @Test
    void reportsAnUnknownPullRequestAsNotFound() {
        github.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/pulls/99")).willReturn(json(404, "github/not-found.json")));

        var report = host.inspectChangeRequest(REPO + "/pull/99");

        assertThat(report.state()).isEqualTo(State.NOT_FOUND);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.NONE);
    }

    @Test
    void serverErrorsAreOutagesTheEngineRetries() {
        github.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/pulls/7")).willReturn(json(500, "github/server-error.json")));

        assertThatThrownBy(() -> host.inspectChangeRequest(REPO + "/pull/7"))
                .isInstanceOf(RepositoryHostUnavailableException.class)
                .hasMessageContaining("500");
    }

    @Test
    void codeScanningServerErrorsAreOutagesToo() {
        stubMergedWithoutLicence();
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .willReturn(json(502, "github/server-error.json")));

        assertThatThrownBy(() -> host.inspectChangeRequest(REPO + "/pull/8"))
                .isInstanceOf(RepositoryHostUnavailableException.class)
                .hasMessageContaining("502");
    }

    @Test
    void aSlowHostIsAnOutage() {
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/slow"))
                .willReturn(json(200, "github/repo.json").withFixedDelay(3_000)));

        assertThatThrownBy(() -> host.describe("https://github.com/gc-demo/slow"))
                .isInstanceOf(RepositoryHostUnavailableException.class);
    }

    private void stubPull(int number, String file, String sha, String checkRuns) {
        github.stubFor(
                get(urlPathEqualTo("/repos/gc-demo/widget/pulls/" + number)).willReturn(json(200, file)));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/commits/" + sha + "/check-runs"))
                .willReturn(json(200, checkRuns)));
    }

    private void stubMergedWithoutLicence() {
        stubPull(8, "github/pull-8-merged.json", SHA_8, "github/check-runs-failing.json");
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/statuses/" + SHA_8))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        github.stubFor(get(urlPathMatching("/repos/gc-demo/widget/contents/?"))
                .withQueryParam("ref", equalTo(SHA_8))
                .willReturn(json(200, "github/contents-root-no-licence.json")));
    }

    @Test
    void aGnuLicenceGitHubNamesWithoutOnlyOrLaterGetsTheSameIdAsOnEveryOtherHost() throws Exception {
        stubPull(7, "github/pull-7-open.json", SHA_7, "github/check-runs-passing.json");
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/statuses/" + SHA_7))
                .willReturn(json(200, "github/statuses-success.json")));
        github.stubFor(get(urlPathMatching("/repos/gc-demo/widget/contents/?"))
                .withQueryParam("ref", equalTo(SHA_7))
                .willReturn(json(200, "github/contents-root.json")));
        String gpl = new String(
                        getClass()
                                .getResourceAsStream("/wiremock/__files/github/license.json")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"key\": \"mit\"", "\"key\": \"gpl-3.0\"")
                .replace("\"spdx_id\": \"MIT\"", "\"spdx_id\": \"GPL-3.0\"");
        assertThat(gpl).contains("\"spdx_id\": \"GPL-3.0\"");
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/license"))
                .withQueryParam("ref", equalTo(SHA_7))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(gpl)));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget/code-scanning/alerts"))
                .willReturn(json(200, "github/code-scanning-alerts.json")));

        ChangeRequestReport report = host.inspectChangeRequest(REPO + "/pull/7");

        // The local host's recogniser reads a bare GPL-3 text as GPL-3.0-or-later; GitHub's "GPL-3.0" is the same.
        assertThat(report.licenceSpdxId()).isEqualTo("GPL-3.0-or-later");
    }
}
