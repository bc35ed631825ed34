package ca.gc.microacquisition.adapters.repositoryhost.github;

import ca.gc.microacquisition.adapters.Secrets;
import ca.gc.microacquisition.adapters.repositoryhost.RepositoryUrls;
import ca.gc.microacquisition.repositoryhost.RepositoryHostUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * One configured connection to a GitHub API: the hub4j client for what it covers, plain HTTP (same timeouts,
 * same token) for what it does not, the parsing of github.com / GitHub Enterprise URLs, and the translation of
 * failures into the port's terms.
 */
final class GitHubApi {

    private static final String SEGMENT = "([A-Za-z0-9_.-]+)";
    private static final Pattern REPOSITORY_PATH = Pattern.compile("^/" + SEGMENT + "/" + SEGMENT + "?/?$");
    private static final Pattern PULL_PATH = Pattern.compile("^/" + SEGMENT + "/" + SEGMENT + "/pull/(\\d+)/?$");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** A repository on this host. */
    record RepoRef(String host, String owner, String name) {

        String fullName() {
            return owner + "/" + name;
        }

        boolean sameAs(RepoRef other) {
            return host.equalsIgnoreCase(other.host)
                    && owner.equalsIgnoreCase(other.owner)
                    && name.equalsIgnoreCase(other.name);
        }
    }

    /** A pull request on this host. */
    record PullRef(RepoRef repository, int number) {}

    /** A plain-HTTP answer: status, parsed JSON body (or null), and the next page's URL (or null). */
    record JsonResponse(int status, JsonNode body, String nextPage) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String message() {
            return body != null && body.hasNonNull("message")
                    ? body.get("message").asText()
                    : "";
        }
    }

    private final URI apiUrl;
    private final String webHost;
    private final String token;
    private final HttpClient http;
    private final GitHubProperties properties;
    private final GitHub github;
    private final ObjectMapper json = new ObjectMapper();

    GitHubApi(GitHubProperties properties) {
        this.properties = properties;
        String base = properties.apiUrl() == null || properties.apiUrl().isBlank()
                ? "https://api.github.com"
                : properties.apiUrl().trim();
        this.apiUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        String apiHost = apiUrl.getHost() == null ? "" : apiUrl.getHost().toLowerCase(Locale.ROOT);
        this.webHost = apiHost.equals("api.github.com") ? "github.com" : apiHost;
        this.token = properties.token();
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            var builder = new GitHubBuilder()
                    .withEndpoint(apiUrl.toString())
                    .withConnector(new TimedGitHubConnector(http, properties.readTimeout()))
                    // Fail fast: the engine's retry cycle, not a sleeping thread, waits out a rate limit.
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
            if (Secrets.isSet(token)) {
                // A plain provider: withOAuthToken would also call /user at start-up to learn the login.
                String authorization = "Bearer " + token.trim();
                builder.withAuthorizationProvider(() -> authorization);
            }
            this.github = builder.build();
        } catch (IOException e) {
            throw new IllegalStateException("Could not set up the GitHub client for " + apiUrl, e);
        }
    }

    GitHub client() {
        return github;
    }

    String apiUrl() {
        return apiUrl.toString();
    }

    boolean hasToken() {
        return Secrets.isSet(token);
    }

    GitHubProperties properties() {
        return properties;
    }

    // ---- URLs ------------------------------------------------------------------------------------------------

    /** The repository a web URL names on this host ({@code https://github.com/owner/repo}), if any. */
    Optional<RepoRef> repository(String url) {
        return parse(url, REPOSITORY_PATH)
                .map(m -> new RepoRef(host(url), m.group(1), RepositoryUrls.withoutGitSuffix(m.group(2))));
    }

    /** The pull request a web URL names on this host ({@code https://github.com/owner/repo/pull/7}), if any. */
    Optional<PullRef> pullRequest(String url) {
        return parse(url, PULL_PATH).flatMap(m -> {
            try {
                return Optional.of(
                        new PullRef(new RepoRef(host(url), m.group(1), m.group(2)), Integer.parseInt(m.group(3))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<Matcher> parse(String url, Pattern path) {
        URI uri = RepositoryUrls.parse(url).orElse(null);
        if (uri == null) {
            return Optional.empty();
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("https")
                        || uri.getScheme().equalsIgnoreCase("http"))) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("github.com") && !host.equals("www.github.com") && !host.equals(webHost)) {
            return Optional.empty();
        }
        if (uri.getRawPath() == null || uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.empty();
        }
        Matcher matcher = path.matcher(uri.getRawPath());
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    private static String host(String url) {
        String host = URI.create(url.trim()).getHost().toLowerCase(Locale.ROOT);
        return host.equals("www.github.com") ? "github.com" : host;
    }

    // ---- Library calls ----------------------------------------------------------------------------------------

    /** The repository, or empty when GitHub answers 404 (absent, or private and not visible to the token). */
    Optional<GHRepository> findRepository(RepoRef repo) {
        try {
            return Optional.of(github.getRepository(repo.fullName()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("reading repository " + repo.fullName(), e);
        }
    }

    /**
     * Translates a failed call: 5xx, rate limits, timeouts and I/O errors are outages the engine retries; a
     * rejected token or another refusal is a configuration problem that retrying will not fix.
     */
    RuntimeException failure(String doing, IOException e) {
        if (e instanceof HttpException http) {
            int status = http.getResponseCode();
            if (status == 401) {
                return new IllegalStateException(
                        "GitHub rejected the token (401) while " + doing
                                + ": check app.github.token (APP_GITHUB_TOKEN)",
                        e);
            }
            if (status >= 400 && status < 500 && status != 403 && status != 408 && status != 429) {
                return new IllegalStateException(
                        "GitHub refused " + doing + " (" + status + "): " + firstLine(http.getMessage()), e);
            }
            return new RepositoryHostUnavailableException(
                    "GitHub failed while " + doing + " (" + status + "): " + firstLine(http.getMessage()), e);
        }
        return new RepositoryHostUnavailableException(
                "GitHub could not be reached while " + doing + ": "
                        + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()),
                e);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    // ---- Plain HTTP for endpoints the library lacks ----------------------------------------------------------

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * GET a path under the API base (or an absolute URL returned by GitHub, such as a next-page link). 5xx and
     * I/O failures are thrown as {@link RepositoryHostUnavailableException}; other statuses are returned.
     */
    JsonResponse get(String pathOrUrl, String doing) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(apiUrl + pathOrUrl);
        var request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET();
        if (Secrets.isSet(token)) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryHostUnavailableException("Interrupted while " + doing, e);
        } catch (IOException e) {
            throw failure(doing, e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        String message =
                body != null && body.hasNonNull("message") ? body.get("message").asText() : "";
        if (status >= 500 || status == 429) {
            throw new RepositoryHostUnavailableException(
                    "GitHub failed while " + doing + " (" + status + ")" + (message.isEmpty() ? "" : ": " + message));
        }
        if (status == 401) {
            throw new IllegalStateException(
                    "GitHub rejected the token (401) while " + doing + ": check app.github.token (APP_GITHUB_TOKEN)");
        }
        if (status == 403
                && response.headers()
                        .firstValue("x-ratelimit-remaining")
                        .filter("0"::equals)
                        .isPresent()) {
            throw new RepositoryHostUnavailableException("GitHub rate limit reached while " + doing);
        }
        String next = response.headers()
                .firstValue("link")
                .map(NEXT_LINK::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .orElse(null);
        return new JsonResponse(status, body, next);
    }

    /** All items of a paged JSON array, following {@code Link: rel="next"} up to {@code maxPages}. */
    JsonPages getAll(String path, String doing, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        JsonResponse first = get(path, doing);
        if (!first.ok()) {
            return new JsonPages(first, items);
        }
        JsonResponse page = first;
        int pages = 1;
        while (true) {
            if (page.body() != null && page.body().isArray()) {
                page.body().forEach(items::add);
            }
            if (page.nextPage() == null || pages >= maxPages) {
                break;
            }
            page = get(page.nextPage(), doing);
            pages++;
            if (!page.ok()) {
                throw new RepositoryHostUnavailableException(
                        "GitHub failed on a later page while " + doing + " (" + page.status() + ")");
            }
        }
        return new JsonPages(first, items);
    }

    /** The items read, and the first answer (whose status says whether there were any to read). */
    record JsonPages(JsonResponse first, List<JsonNode> items) {}

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
