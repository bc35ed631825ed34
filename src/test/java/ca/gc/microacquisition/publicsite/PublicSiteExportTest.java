package ca.gc.microacquisition.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityStateChanged;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.opportunity.RequestDetails;
import ca.gc.microacquisition.testsupport.DomainTest;
import ca.gc.microacquisition.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@DomainTest
class PublicSiteExportTest {

    @Autowired
    PublicSiteExporter exporter;

    @Autowired
    Fixtures fx;

    String team;

    @BeforeEach
    void setUp() {
        fx.reset();
        team = "Team " + UUID.randomUUID();
    }

    Opportunity request(String title, boolean test) {
        RequestDetails d = fx.request(team);
        return fx.opportunities.registerRequest(new RequestDetails(
                title,
                d.summary(),
                d.workDescription(),
                d.acceptanceCriteria(),
                d.evaluationCriteria(),
                d.skills(),
                d.estimatedValue(),
                d.securityClassification(),
                d.remoteWork(),
                d.repositoryUrl(),
                d.license(),
                d.containsPersonalInformation(),
                d.proposalDeadline(),
                d.deliveryDays(),
                d.department(),
                d.team(),
                d.requester(),
                "Titre <b>français</b>",
                null,
                null,
                null,
                test));
    }

    @Test
    void exportsBothLanguagesJsonAndFeedWithoutDraftsOrTestsAndEscapesEverything() throws Exception {
        Opportunity open = request("<script>alert('export')</script> widget", false);
        fx.opportunities.publish(open.getId());
        Opportunity draft = request("A draft that stays private", false);
        Opportunity test = request("A test opportunity", true);
        fx.opportunities.publish(test.getId());

        Path site = exporter.export();

        for (String lang : new String[] {"en", "fr"}) {
            Path list = site.resolve(lang).resolve("index.html");
            Path detail = site.resolve(lang).resolve("opportunities").resolve(open.getReference() + ".html");
            assertThat(list).exists();
            assertThat(detail).exists();
            assertThat(site.resolve(lang).resolve("terms.html")).exists();
            assertThat(site.resolve(lang).resolve("opportunities").resolve(test.getReference() + ".html"))
                    .doesNotExist();
            assertThat(site.resolve(lang).resolve("opportunities").resolve(draft.getReference() + ".html"))
                    .doesNotExist();
            String listHtml = Files.readString(list);
            assertThat(listHtml)
                    .contains(
                            "<html lang=\"" + lang + "\"",
                            "../" + lang + "/opportunities/" + open.getReference() + ".html",
                            "../css/portal.css")
                    .doesNotContain(test.getReference(), draft.getReference(), "<script>");
            String detailHtml = Files.readString(detail);
            assertThat(detailHtml)
                    .doesNotContain("<script>alert", "<b>français</b>")
                    .contains(
                            "../../css/portal.css",
                            "http://localhost:8080/" + lang + "/opportunities/" + open.getReference() + "/propose");
        }
        assertThat(Files.readString(site.resolve("en/opportunities/" + open.getReference() + ".html")))
                .contains(
                        "&lt;script&gt;alert(&#39;export&#39;)&lt;/script&gt; widget",
                        "href=\"../../fr/opportunities/" + open.getReference() + ".html\"");
        assertThat(Files.readString(site.resolve("fr/opportunities/" + open.getReference() + ".html")))
                .contains("Titre &lt;b&gt;français&lt;/b&gt;");
        String json = Files.readString(site.resolve("opportunities.json"));
        assertThat(json)
                .contains(open.getReference(), "\\u003Cscript>".equals("") ? "" : "script")
                .doesNotContain(test.getReference(), draft.getReference());
        String atom = Files.readString(site.resolve("opportunities.atom"));
        assertThat(atom)
                .contains(open.getReference(), "&lt;script&gt;")
                .doesNotContain("<script>", test.getReference());
        assertThat(site.resolve("css/portal.css")).exists();
        assertThat(site.resolve("index.html")).exists();
    }

    @Test
    void commitsTheExportToABranchAndPushesIt(@TempDir Path tmp) throws Exception {
        fx.open(team);
        Path remote = tmp.resolve("pages.git");
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
        PublicSiteGitPublisher publisher =
                new PublicSiteGitPublisher("gh-pages", remote.toUri().toString(), "");

        Path site = exporter.export();
        assertThat(publisher.publish(site, "Public site: first")).isTrue();
        exporter.export();
        assertThat(publisher.publish(site, "Public site: unchanged")).isFalse();

        try (Repository repo = Git.open(remote.toFile()).getRepository();
                RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve("refs/heads/gh-pages");
            assertThat(head).isNotNull();
            var commit = walk.parseCommit(head);
            assertThat(commit.getFullMessage()).isEqualTo("Public site: first");
            assertThat(TreeWalk.forPath(repo, "en/index.html", commit.getTree()))
                    .isNotNull();
            assertThat(TreeWalk.forPath(repo, "opportunities.atom", commit.getTree()))
                    .isNotNull();
        }
    }

    @Test
    void aStateChangeRefreshesTheExportInTheBackgroundButATestOpportunityDoesNot() throws Exception {
        PublicSiteRefresh refresh = new PublicSiteRefresh(
                exporter, new PublicSiteGitPublisher("", "", ""), true, java.time.Duration.ofSeconds(30));
        Opportunity o = fx.open(team);
        Path marker = exporter.exportDir().resolve("en/opportunities/" + o.getReference() + ".html");
        if (Files.exists(exporter.exportDir())) {
            PublicSiteExporter.deleteTree(exporter.exportDir());
        }
        refresh.onStateChanged(new OpportunityStateChanged(
                o.getId(), o.getReference(), OpportunityStatus.DRAFT, OpportunityStatus.OPEN, true));
        Thread.sleep(200);
        assertThat(marker).doesNotExist();
        refresh.onStateChanged(new OpportunityStateChanged(
                o.getId(), o.getReference(), OpportunityStatus.DRAFT, OpportunityStatus.OPEN, false));
        for (int i = 0; i < 100 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertThat(marker).exists();

        // A change within the minimum interval after that export waits for the interval's end.
        PublicSiteExporter.deleteTree(exporter.exportDir());
        refresh.onStateChanged(new OpportunityStateChanged(
                o.getId(), o.getReference(), OpportunityStatus.OPEN, OpportunityStatus.CLOSED, false));
        Thread.sleep(500);
        assertThat(marker).doesNotExist();
        refresh.stop();
    }
}
