package ca.gc.microacquisition.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.payment.stripe.StripeCardProcessor;
import ca.gc.microacquisition.adapters.payment.stripe.StripeConfiguration;
import ca.gc.microacquisition.adapters.repositoryhost.github.GitHubConfiguration;
import ca.gc.microacquisition.adapters.repositoryhost.github.GitHubOpportunityIssues;
import ca.gc.microacquisition.adapters.repositoryhost.github.GitHubRepositoryHost;
import ca.gc.microacquisition.adapters.repositoryhost.gitlab.GitLabConfiguration;
import ca.gc.microacquisition.adapters.repositoryhost.gitlab.GitLabRepositoryHost;
import ca.gc.microacquisition.payment.CardProcessor;
import ca.gc.microacquisition.repositoryhost.OpportunityIssues;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The configuration switches select the real adapters, and only when asked: the embedded default stays offline. */
class AdapterSelectionTest {

    @Nested
    @SpringBootTest(classes = {GitHubConfiguration.class, GitLabConfiguration.class, StripeConfiguration.class})
    @ActiveProfiles("test")
    class EmbeddedDefault {

        @Autowired
        ApplicationContext context;

        @Test
        void createsNoGitHubGitLabOrStripeBean() {
            assertThat(context.getEnvironment().getProperty("app.repository.host"))
                    .isEqualTo("local");
            assertThat(context.getEnvironment().getProperty("app.payment.provider"))
                    .isEqualTo("sandbox");
            assertThat(context.getBeansOfType(RepositoryHost.class)).isEmpty();
            assertThat(context.getBeansOfType(OpportunityIssues.class)).isEmpty();
            assertThat(context.getBeansOfType(CardProcessor.class)).isEmpty();
        }
    }

    @Nested
    @SpringBootTest(
            classes = {GitHubConfiguration.class, GitLabConfiguration.class, StripeConfiguration.class},
            properties = {
                "app.repository.host=github",
                "app.github.api-url=http://localhost:1/api/v3",
                "app.github.token=ghp_selection_test",
                "app.github.open-issues=true",
                "app.payment.provider=stripe",
                "app.stripe.api-base=http://localhost:1",
                "app.stripe.api-key=sk_test_selection"
            })
    @ActiveProfiles("test")
    class GitHubAndStripe {

        @Autowired
        ApplicationContext context;

        @Test
        void selectsTheGitHubHostWithIssuesAndTheStripeProcessor() {
            assertThat(context.getBeansOfType(RepositoryHost.class).values())
                    .singleElement()
                    .isInstanceOf(GitHubRepositoryHost.class);
            assertThat(context.getBeansOfType(OpportunityIssues.class).values())
                    .singleElement()
                    .isInstanceOf(GitHubOpportunityIssues.class);
            assertThat(context.getBeansOfType(CardProcessor.class).values())
                    .singleElement()
                    .isInstanceOf(StripeCardProcessor.class);
            assertThat(context.getBean(RepositoryHost.class).kind()).isEqualTo("github");
        }
    }

    @Nested
    @SpringBootTest(
            classes = {GitHubConfiguration.class, GitLabConfiguration.class, StripeConfiguration.class},
            properties = {
                "app.repository.host=gitlab",
                "app.gitlab.api-url=http://localhost:1",
                "app.gitlab.token=glpat-selection"
            })
    @ActiveProfiles("test")
    class GitLab {

        @Autowired
        ApplicationContext context;

        @Test
        void selectsTheGitLabHostAndLeavesTheSandboxProcessorAlone() {
            assertThat(context.getBeansOfType(RepositoryHost.class).values())
                    .singleElement()
                    .isInstanceOf(GitLabRepositoryHost.class);
            assertThat(context.getBeansOfType(OpportunityIssues.class)).isEmpty();
            assertThat(context.getBeansOfType(CardProcessor.class)).isEmpty();
        }
    }
}
