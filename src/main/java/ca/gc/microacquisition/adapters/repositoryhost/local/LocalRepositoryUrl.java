package ca.gc.microacquisition.adapters.repositoryhost.local;

import ca.gc.microacquisition.adapters.repositoryhost.RepositoryUrls;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * A parsed {@code local://} address: a repository {@code local://<owner>/<name>} or a change request
 * ("pull request") {@code local://<owner>/<name>/pull/<branch>}, where the branch name may contain slashes.
 *
 * @param owner  the owner folder under the repositories root
 * @param name   the repository name (without {@code .git})
 * @param branch the branch of a change request, or null for a repository address
 */
public record LocalRepositoryUrl(String owner, String name, String branch) {

    public static final String SCHEME = "local://";

    /** Owner and repository names: letters, digits, dot, dash and underscore, starting with a letter or digit. */
    private static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private static final Pattern REPOSITORY = Pattern.compile("local://(" + SEGMENT + ")/(" + SEGMENT + ")/?");

    private static final Pattern CHANGE_REQUEST =
            Pattern.compile("local://(" + SEGMENT + ")/(" + SEGMENT + ")/pull/(.+)");

    public LocalRepositoryUrl {
        requireSegment(owner, "owner");
        requireSegment(name, "name");
        if (branch != null && !isValidBranch(branch)) {
            throw new IllegalArgumentException("Not a valid branch name: " + branch);
        }
    }

    /** Parses a repository or change request address; empty when it is not a valid {@code local://} address. */
    public static Optional<LocalRepositoryUrl> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String trimmed = url.trim();
        Matcher cr = CHANGE_REQUEST.matcher(trimmed);
        if (cr.matches()) {
            String branch = cr.group(3);
            if (!validName(cr.group(2)) || !validName(cr.group(1)) || !isValidBranch(branch)) {
                return Optional.empty();
            }
            return Optional.of(
                    new LocalRepositoryUrl(cr.group(1), RepositoryUrls.withoutGitSuffix(cr.group(2)), branch));
        }
        Matcher repo = REPOSITORY.matcher(trimmed);
        if (repo.matches() && validName(repo.group(1)) && validName(repo.group(2))) {
            return Optional.of(
                    new LocalRepositoryUrl(repo.group(1), RepositoryUrls.withoutGitSuffix(repo.group(2)), null));
        }
        return Optional.empty();
    }

    public static String repositoryUrl(String owner, String name) {
        return new LocalRepositoryUrl(owner, name, null).repositoryUrl();
    }

    public static String changeRequestUrl(String owner, String name, String branch) {
        return new LocalRepositoryUrl(owner, name, branch).toString();
    }

    public boolean isChangeRequest() {
        return branch != null;
    }

    /** The repository address, also for a change request. */
    public String repositoryUrl() {
        return SCHEME + owner + "/" + name;
    }

    /** The directory of the bare repository, relative to the repositories root. */
    public String relativeDirectory() {
        return owner + "/" + name + ".git";
    }

    public boolean sameRepositoryAs(LocalRepositoryUrl other) {
        return owner.equals(other.owner) && name.equals(other.name);
    }

    @Override
    public String toString() {
        return branch == null ? repositoryUrl() : repositoryUrl() + "/pull/" + branch;
    }

    static boolean isValidBranch(String branch) {
        return branch != null
                && !branch.isBlank()
                && !branch.endsWith("/")
                && Repository.isValidRefName("refs/heads/" + branch);
    }

    private static boolean validName(String segment) {
        return !segment.contains("..")
                && !RepositoryUrls.withoutGitSuffix(segment).isEmpty();
    }

    private static void requireSegment(String value, String what) {
        if (value == null || !value.matches(SEGMENT) || value.contains("..") || value.endsWith(".git")) {
            throw new IllegalArgumentException("Not a valid repository " + what + ": " + value
                    + " (letters, digits, '.', '-' and '_', starting with a letter or digit)");
        }
    }
}
