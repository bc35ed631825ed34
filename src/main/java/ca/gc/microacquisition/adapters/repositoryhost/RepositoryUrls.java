package ca.gc.microacquisition.adapters.repositoryhost;

import java.net.URI;
import java.util.Optional;

/** Reading the repository and change-request addresses that suppliers and staff type, for every repository host. */
public final class RepositoryUrls {

    private RepositoryUrls() {}

    /** The address as a URI (surrounding spaces ignored); empty when it is missing, blank or not a URI. */
    public static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A repository name or path without its {@code .git} suffix ({@code app.git} and {@code app} are one). */
    public static String withoutGitSuffix(String name) {
        return name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }
}
