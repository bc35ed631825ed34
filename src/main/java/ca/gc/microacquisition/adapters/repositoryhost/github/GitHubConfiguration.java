package ca.gc.microacquisition.adapters.repositoryhost.github;

import ca.gc.microacquisition.adapters.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** GitHub as the repository host: created only when {@code app.repository.host=github}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.repository.host", havingValue = "github")
@EnableConfigurationProperties(GitHubProperties.class)
public class GitHubConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GitHubConfiguration.class);

    @Bean
    GitHubRepositoryHost gitHubRepositoryHost(GitHubProperties properties) {
        log.info("Repository host: GitHub at {} (token {})", properties.apiUrl(), Secrets.mask(properties.token()));
        if (!Secrets.isSet(properties.token())) {
            log.warn("app.github.token is not set: GitHub allows 60 anonymous requests an hour and hides "
                    + "code-scanning alerts; set APP_GITHUB_TOKEN");
        }
        return new GitHubRepositoryHost(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "app.github.open-issues", havingValue = "true")
    GitHubOpportunityIssues gitHubOpportunityIssues(GitHubProperties properties) {
        if (!Secrets.isSet(properties.token())) {
            throw new IllegalStateException("app.github.open-issues=true needs app.github.token (APP_GITHUB_TOKEN) "
                    + "with the Issues: read and write permission");
        }
        return new GitHubOpportunityIssues(properties);
    }
}
