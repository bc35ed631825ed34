package ca.gc.microacquisition.adapters.repositoryhost.gitlab;

import ca.gc.microacquisition.adapters.Secrets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.gitlab.*}: the GitLab instance and its token. Used when {@code app.repository.host=gitlab}.
 *
 * @param apiUrl         the instance's base URL, e.g. {@code https://gitlab.com} ({@code /api/v4} is added; a URL
 *                       that already ends with it is accepted too), or a local stand-in
 * @param token          a personal, group or project access token with {@code read_api}; from the environment
 *                       ({@code APP_GITLAB_TOKEN}), never from a committed file
 * @param connectTimeout connection timeout
 * @param readTimeout    time allowed for one response
 */
@ConfigurationProperties("app.gitlab")
public record GitLabProperties(
        String apiUrl,
        String token,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    @Override
    public String toString() {
        return "GitLabProperties[apiUrl=" + apiUrl + ", token=" + Secrets.mask(token) + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
