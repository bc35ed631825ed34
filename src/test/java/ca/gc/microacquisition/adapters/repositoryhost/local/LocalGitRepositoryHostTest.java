package ca.gc.microacquisition.adapters.repositoryhost.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.Finding.Severity;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGitRepositoryHostTest {

    private static final String SARIF = """
            {
              "version": "2.1.0",
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "runs": [ {
                "tool": { "driver": { "name": "CodeQL", "rules": [
                  { "id": "java/sql-injection", "properties": { "security-severity": "8.8" } } ] } },
                "results": [ {
                  "ruleId": "java/sql-injection", "level": "error",
                  "message": { "text": "Query built from user-controlled sources." },
                  "locations": [ { "physicalLocation": {
                    "artifactLocation": { "uri": "src/Main.java" }, "region": { "startLine": 12 } } } ]
                } ]
              } ]
            }
            """;

    @TempDir
    Path root;

    private LocalRepositories repositories;
    private LocalGitRepositoryHost host;

    @BeforeEach
    void setUp() {
        repositories = new LocalRepositories(root);
        host = new LocalGitRepositoryHost(repositories);
    }

    @Test
    void describesACreatedRepository() {
        String url = repositories.createRepository("esdc", "widget", "MIT");

        assertThat(url).isEqualTo("local://esdc/widget");
        assertThat(Files.isDirectory(root.resolve("esdc/widget.git"))).isTrue();
        assertThat(host.describe(url)).isEqualTo(new RepositoryInfo(url, true, true, "main", "MIT"));
    }

    @Test
    void aPrivateMarkerMakesTheRepositoryNotPublic() {
        String url = repositories.createRepository("esdc", "secret-widget", "Apache-2.0");
        repositories.setPrivate("esdc", "secret-widget", true);

        assertThat(Files.exists(root.resolve("esdc/secret-widget.git/private"))).isTrue();
        RepositoryInfo info = host.describe(url);
        assertThat(info.exists()).isTrue();
        assertThat(info.publicVisible()).isFalse();
        assertThat(info.licenceSpdxId()).isEqualTo("Apache-2.0");

        repositories.setPrivate("esdc", "secret-widget", false);
        assertThat(host.describe(url).publicVisible()).isTrue();
    }

    @Test
    void missingOrForeignRepositoriesAreReportedNotThrown() {
        assertThat(host.describe("local://esdc/nothing-here").exists()).isFalse();
        assertThat(host.describe("https://github.com/esdc/widget").exists()).isFalse();
        assertThat(host.describe("local://../etc").exists()).isFalse();
        assertThat(host.inspectChangeRequest("local://esdc/nothing-here/pull/x").state())
                .isEqualTo(State.NOT_FOUND);
    }

    @Test
    void recognisesLocalUrlsOnly() {
        assertThat(host.recognizes("local://esdc/widget")).isTrue();
        assertThat(host.recognizes("local://esdc/widget/pull/feature/a")).isTrue();
        assertThat(host.recognizes("https://github.com/esdc/widget")).isFalse();
        assertThat(host.recognizes("local://esdc")).isFalse();
        assertThat(host.recognizes("local://esdc/../../etc")).isFalse();
        assertThat(host.recognizes("local://esdc/widget/pull/bad..branch")).isFalse();
        assertThat(host.recognizes(null)).isFalse();
    }

    @Test
    void tellsWhetherAChangeRequestBelongsToARepository() {
        assertThat(host.isChangeRequestOf("local://esdc/widget/pull/feature/a/b", "local://esdc/widget"))
                .isTrue();
        assertThat(host.isChangeRequestOf("local://esdc/widget/pull/fix", "local://esdc/widget/"))
                .isTrue();
        assertThat(host.isChangeRequestOf("local://esdc/other/pull/fix", "local://esdc/widget"))
                .isFalse();
        assertThat(host.isChangeRequestOf("local://esdc/widget", "local://esdc/widget"))
                .isFalse();
        assertThat(host.isChangeRequestOf("https://github.com/esdc/widget/pull/1", "local://esdc/widget"))
                .isFalse();
    }

    @Test
    void inspectsAnOpenBranchWithASecretAndASarifFile() {
        repositories.createRepository("esdc", "widget", "MIT");
        repositories.commitFiles(
                "esdc",
                "widget",
                "main",
                Map.of("config/old.properties", "password = \"already-on-main\"\n"),
                "Existing settings");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("src/Main.java", "class Main {\n  // nothing to see\n}\n");
        files.put("config/app.properties", "url=https://example.org\naws.key=AKIAIOSFODNN7EXAMPLE\n");
        files.put("config/db.yaml", "db:\n  password = \"hunter2-is-weak\"\n");
        files.put("results/codeql.sarif", SARIF);
        String sha = repositories.commitFiles("esdc", "widget", "feature/scan-me", files, "Add the feature");
        // main moves on after the branch left it: its changes are not part of the pull request
        repositories.commitFiles(
                "esdc",
                "widget",
                "main",
                Map.of("NOTES.md", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"),
                "Notes on main");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/feature/scan-me");

        assertThat(report.state()).isEqualTo(State.OPEN);
        assertThat(report.headSha()).isEqualTo(sha);
        assertThat(report.checks()).isEqualTo(ChecksOutcome.NONE);
        assertThat(report.licenceFilePresent()).isTrue();
        assertThat(report.licenceSpdxId()).isEqualTo("MIT");
        assertThat(report.scanningAvailable()).isTrue();
        assertThat(report.scanningNote()).isNull();
        assertThat(report.findings())
                .containsExactlyInAnyOrder(
                        new Finding(
                                "secret-scan",
                                "aws-access-key-id",
                                Severity.CRITICAL,
                                "An AWS access key id was committed.",
                                "config/app.properties",
                                2),
                        new Finding(
                                "secret-scan",
                                "password-assignment",
                                Severity.HIGH,
                                "A password is assigned a literal value.",
                                "config/db.yaml",
                                2),
                        new Finding(
                                "CodeQL",
                                "java/sql-injection",
                                Severity.HIGH,
                                "Query built from user-controlled sources.",
                                "src/Main.java",
                                12));
    }

    @Test
    void onlyTheLinesTheBranchChangesAreScanned() {
        repositories.createRepository("esdc", "widget", "MIT");
        repositories.commitFiles(
                "esdc",
                "widget",
                "main",
                Map.of("app.properties", "password = \"already-on-main\"\n"),
                "Existing settings");
        repositories.commitFiles(
                "esdc",
                "widget",
                "fix",
                Map.of("app.properties", "password = \"already-on-main\"\nslack=xoxb-123456789012-abcdefghijkl\n"),
                "Add Slack");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/fix");

        assertThat(report.findings())
                .extracting(Finding::ruleId, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slack-token", 2));
    }

    @Test
    void checksFileAndLicenceChangeAtTheHead() {
        repositories.createRepository("esdc", "widget", "MIT");
        repositories.commitFiles(
                "esdc",
                "widget",
                "relicence",
                Map.of(
                        ".checks/status", "failed\nunit tests: 3 failures\n",
                        "LICENSE", "SPDX-License-Identifier: Apache-2.0\n"),
                "Relicence");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/relicence");

        assertThat(report.checks()).isEqualTo(ChecksOutcome.FAILED);
        assertThat(report.licenceSpdxId()).isEqualTo("Apache-2.0");
        assertThat(host.describe("local://esdc/widget").licenceSpdxId()).isEqualTo("MIT");
    }

    @Test
    void aRemovedLicenceIsReportedAbsent() {
        repositories.createRepository("esdc", "widget", "MIT");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("LICENSE", null);
        files.put(".checks/status", "PASSED\n");
        repositories.commitFiles("esdc", "widget", "drop-licence", files, "Remove the licence");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/drop-licence");

        assertThat(report.licenceFilePresent()).isFalse();
        assertThat(report.licenceSpdxId()).isNull();
        assertThat(report.checks()).isEqualTo(ChecksOutcome.PASSED);
    }

    @Test
    void aMergedBranchIsMergedAndItsChangeIsStillScanned() {
        repositories.createRepository("esdc", "widget", "MIT");
        String head = repositories.commitFiles(
                "esdc",
                "widget",
                "feature/keys",
                Map.of(
                        "deploy/id_rsa",
                        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"),
                "Add deployment key");
        repositories.commitFiles("esdc", "widget", "main", Map.of("CHANGELOG.md", "- nothing yet\n"), "Changelog");
        repositories.mergeIntoDefaultBranch("esdc", "widget", "feature/keys");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/feature/keys");

        assertThat(report.state()).isEqualTo(State.MERGED);
        assertThat(report.headSha()).isEqualTo(head);
        assertThat(report.scanningNote()).isNull();
        assertThat(report.findings())
                .extracting(Finding::ruleId, Finding::path, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("private-key", "deploy/id_rsa", 1));
    }

    @Test
    void aMissingBranchIsNotFound() {
        repositories.createRepository("esdc", "widget", "MIT");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/feature/nope");

        assertThat(report.state()).isEqualTo(State.NOT_FOUND);
        assertThat(report.headSha()).isNull();
        assertThat(report.findings()).isEmpty();
        assertThat(report.scanningNote()).contains("feature/nope");
    }

    @Test
    void anUnreadableSarifFileMakesScanningUnavailable() {
        repositories.createRepository("esdc", "widget", "MIT");
        repositories.commitFiles(
                "esdc",
                "widget",
                "broken",
                Map.of("scan.sarif", "{\"version\": \"1.0.0\", \"runs\": []}"),
                "Old SARIF");

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/widget/pull/broken");

        assertThat(report.state()).isEqualTo(State.OPEN);
        assertThat(report.scanningAvailable()).isFalse();
        assertThat(report.scanningNote()).contains("scan.sarif").contains("SARIF 2.1");
    }

    @Test
    void detectsTheLicenceOfARepositoryCreatedWithEachSupportedId() {
        for (String id : new String[] {"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only", "MPL-2.0", "Unlicense"}) {
            String name = "lib-" + id.toLowerCase().replace('.', '-');
            String url = repositories.createRepository("esdc", name, id);
            assertThat(host.describe(url).licenceSpdxId()).as(id).isEqualTo(id);
        }
    }

    @Test
    void creatingAnExistingRepositoryFails() {
        repositories.createRepository("esdc", "widget", "MIT");
        assertThatThrownBy(() -> repositories.createRepository("esdc", "widget", "MIT"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void demoDataIsCreatedOnceAndCanBeDelivered() {
        DemoRepositoryData demo = new DemoRepositoryData(repositories);
        demo.ensureDemoData();
        String firstHead = host.inspectChangeRequest("local://esdc/demo-widget/pull/feature/improve-readme")
                .headSha();
        demo.ensureDemoData();

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/demo-widget/pull/feature/improve-readme");
        assertThat(report.state()).isEqualTo(State.OPEN);
        assertThat(report.headSha()).isEqualTo(firstHead);
        assertThat(report.licenceSpdxId()).isEqualTo("MIT");
        assertThat(report.findings()).isEmpty();
        assertThat(host.describe("local://esdc/demo-widget").publicVisible()).isTrue();
        assertThat(host.isChangeRequestOf(
                        "local://esdc/demo-widget/pull/feature/improve-readme", "local://esdc/demo-widget"))
                .isTrue();
    }
}
