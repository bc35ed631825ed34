package ca.gc.microacquisition.adapters.repositoryhost.local;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** With the defaults and the demo profile, the local host is the repository host and the demo repository exists. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class LocalRepositoryHostWiringTest {

    @Autowired
    RepositoryHost host;

    @Autowired
    LocalRepositories repositories;

    @Test
    void theDemoPullRequestIsReadyToDeliver() {
        assertThat(host).isInstanceOf(LocalGitRepositoryHost.class);
        assertThat(repositories.root().toString()).contains("microacq-test-repos-");

        RepositoryInfo info = host.describe("local://esdc/demo-widget");
        assertThat(info).isEqualTo(new RepositoryInfo("local://esdc/demo-widget", true, true, "main", "MIT"));

        ChangeRequestReport report = host.inspectChangeRequest("local://esdc/demo-widget/pull/feature/improve-readme");
        assertThat(report.state()).isEqualTo(ChangeRequestReport.State.OPEN);
        assertThat(report.licenceSpdxId()).isEqualTo("MIT");
    }
}
