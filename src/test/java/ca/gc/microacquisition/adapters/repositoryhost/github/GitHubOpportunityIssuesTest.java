package ca.gc.microacquisition.adapters.repositoryhost.github;

import static ca.gc.microacquisition.adapters.repositoryhost.github.GitHubRepositoryHostTest.json;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opportunity issues on GitHub: one issue per opportunity, however often the job runs. */
class GitHubOpportunityIssuesTest {

    static final String REPO = "https://github.com/gc-demo/widget";
    static final String ISSUES = "/repos/gc-demo/widget/issues";
    static final String BODY = "A paid opportunity is open for this work.";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig()
                    .dynamicPort()
                    .usingFilesUnderClasspath("wiremock")
                    .globalTemplating(true))
            .build();

    GitHubOpportunityIssues issues;

    @BeforeEach
    void setUp() {
        issues = new GitHubOpportunityIssues(new GitHubProperties(
                github.baseUrl(), "ghp_issues", true, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        github.stubFor(get(urlPathEqualTo("/repos/gc-demo/widget")).willReturn(json(200, "github/repo.json")));
    }

    @Test
    void opensOneIssueAndFindsItAgainOnARetry() {
        // The first listing has no issue with the marker; once created, the listing shows it.
        github.stubFor(get(urlPathEqualTo(ISSUES))
                .withQueryParam("state", equalTo("open"))
                .inScenario("issue")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "github/issues-open-without-marker.json")));
        github.stubFor(post(urlPathEqualTo(ISSUES))
                .inScenario("issue")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(json(201, "github/issue-12.json")));
        github.stubFor(get(urlPathEqualTo(ISSUES))
                .withQueryParam("state", equalTo("open"))
                .inScenario("issue")
                .whenScenarioStateIs("created")
                .willReturn(json(200, "github/issues-open-with-marker.json")));

        var first = issues.openIssue(REPO, "MA-2026-0001", "Opportunity MA-2026-0001: accessible date picker", BODY);
        var second = issues.openIssue(REPO, "MA-2026-0001", "Opportunity MA-2026-0001: accessible date picker", BODY);

        assertThat(first).contains("https://github.com/gc-demo/widget/issues/12");
        assertThat(second).isEqualTo(first);
        github.verify(
                1,
                postRequestedFor(urlPathEqualTo(ISSUES))
                        .withRequestBody(matchingJsonPath(
                                "$.title", equalTo("Opportunity MA-2026-0001: accessible date picker")))
                        .withRequestBody(
                                matchingJsonPath("$.body", containing("<!-- micro-acquisition:MA-2026-0001 -->"))));
        github.verify(0, patchRequestedFor(urlPathEqualTo(ISSUES + "/12")));
    }

    @Test
    void anEditedOpportunityUpdatesTheExistingIssue() {
        github.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(json(200, "github/issues-open-with-marker.json")));
        github.stubFor(patch(urlPathEqualTo(ISSUES + "/12")).willReturn(json(200, "github/issue-12.json")));

        var url = issues.openIssue(
                REPO, "MA-2026-0001", "Opportunity MA-2026-0001: accessible date picker (deadline extended)", BODY);

        assertThat(url).contains("https://github.com/gc-demo/widget/issues/12");
        github.verify(0, postRequestedFor(urlPathEqualTo(ISSUES)));
        github.verify(
                1,
                patchRequestedFor(urlPathEqualTo(ISSUES + "/12"))
                        .withRequestBody(matchingJsonPath("$.title", containing("deadline extended"))));
    }

    @Test
    void closesTheIssueWithAComment() {
        github.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(json(200, "github/issues-open-with-marker.json")));
        github.stubFor(
                post(urlPathEqualTo(ISSUES + "/12/comments")).willReturn(json(201, "github/issue-comment.json")));
        github.stubFor(patch(urlPathEqualTo(ISSUES + "/12")).willReturn(json(200, "github/issue-12-closed.json")));

        issues.closeIssue(REPO, "MA-2026-0001", "Awarded: the contract was signed.");

        github.verify(
                1,
                postRequestedFor(urlPathEqualTo(ISSUES + "/12/comments"))
                        .withRequestBody(matchingJsonPath("$.body", equalTo("Awarded: the contract was signed."))));
        github.verify(
                1,
                patchRequestedFor(urlPathEqualTo(ISSUES + "/12"))
                        .withRequestBody(matchingJsonPath("$.state", equalTo("closed"))));
    }

    @Test
    void closingWhenNoIssueIsOpenDoesNothing() {
        github.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(json(200, "github/issues-open-without-marker.json")));

        issues.closeIssue(REPO, "MA-2026-0001", "Cancelled.");

        github.verify(0, postRequestedFor(urlPathEqualTo(ISSUES + "/3/comments")));
        github.verify(0, patchRequestedFor(urlPathEqualTo(ISSUES + "/3")));
        github.verify(0, patchRequestedFor(urlPathEqualTo(ISSUES + "/7")));
    }

    @Test
    void aRepositoryElsewhereGetsNoIssue() {
        assertThat(issues.openIssue("https://gitlab.com/gc-demo/widget", "MA-2026-0001", "t", "b"))
                .isEmpty();
        assertThat(github.getAllServeEvents()).isEmpty();
    }
}
