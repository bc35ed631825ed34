package ca.gc.microacquisition.adapters.repositoryhost.github;

import ca.gc.microacquisition.adapters.Secrets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.github.*}: where the GitHub REST API is and how to authenticate. Used when
 * {@code app.repository.host=github}.
 *
 * @param apiUrl         REST base URL: {@code https://api.github.com}, {@code https://HOST/api/v3} for GitHub
 *                       Enterprise Server, or a local stand-in
 * @param token          a fine-grained or classic personal access token, or an app installation token; from the
 *                       environment ({@code APP_GITHUB_TOKEN}), never from a committed file
 * @param openIssues     whether to open an issue in the repository for each posted opportunity
 * @param connectTimeout connection timeout
 * @param readTimeout    time allowed for one response
 */
@ConfigurationProperties("app.github")
public record GitHubProperties(
        @DefaultValue("https://api.github.com") String apiUrl,
        String token,
        @DefaultValue("false") boolean openIssues,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    @Override
    public String toString() {
        return "GitHubProperties[apiUrl=" + apiUrl + ", token=" + Secrets.mask(token) + ", openIssues=" + openIssues
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
