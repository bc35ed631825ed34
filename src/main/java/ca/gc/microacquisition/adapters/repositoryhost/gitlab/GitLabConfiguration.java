package ca.gc.microacquisition.adapters.repositoryhost.gitlab;

import ca.gc.microacquisition.adapters.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** GitLab as the repository host: created only when {@code app.repository.host=gitlab}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.repository.host", havingValue = "gitlab")
@EnableConfigurationProperties(GitLabProperties.class)
public class GitLabConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GitLabConfiguration.class);

    @Bean(destroyMethod = "close")
    GitLabRepositoryHost gitLabRepositoryHost(GitLabProperties properties) {
        log.info("Repository host: GitLab at {} (token {})", properties.apiUrl(), Secrets.mask(properties.token()));
        return new GitLabRepositoryHost(properties);
    }
}
