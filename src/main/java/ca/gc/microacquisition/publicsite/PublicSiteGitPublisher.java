package ca.gc.microacquisition.publicsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Commits the exported site to a Git branch ({@code app.public-site.git-branch}, e.g. {@code gh-pages}) in the export
 * folder's own repository, and pushes it to {@code app.public-site.git-remote} when set (with
 * {@code app.public-site.git-token} as the password for HTTPS remotes). GitHub Pages can serve that branch.
 * A commit is made only when the site changed.
 */
@Component
public class PublicSiteGitPublisher {

    private static final PersonIdent AUTHOR = new PersonIdent("Micro-Acquisition", "micro-acquisition@localhost");

    private final String branch;
    private final String remote;
    private final String token;

    PublicSiteGitPublisher(
            @Value("${app.public-site.git-branch:}") String branch,
            @Value("${app.public-site.git-remote:}") String remote,
            @Value("${app.public-site.git-token:}") String token) {
        this.branch = branch == null ? "" : branch.strip();
        this.remote = remote == null ? "" : remote.strip();
        this.token = token == null ? "" : token.strip();
    }

    public boolean enabled() {
        return !branch.isEmpty();
    }

    /** Commits (and pushes) the folder; returns whether a new commit was made. */
    public boolean publish(Path site, String message) throws IOException, GitAPIException {
        if (!enabled()) {
            return false;
        }
        try (Git git = Files.exists(site.resolve(".git"))
                ? Git.open(site.toFile())
                : Git.init()
                        .setDirectory(site.toFile())
                        .setInitialBranch(branch)
                        .call()) {
            if (git.getRepository().resolve("HEAD") != null
                    && !branch.equals(git.getRepository().getBranch())) {
                boolean exists = git.getRepository().findRef("refs/heads/" + branch) != null;
                git.checkout().setName(branch).setCreateBranch(!exists).call();
            }
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            boolean changed = git.getRepository().resolve("HEAD") == null
                    || !git.status().call().isClean();
            if (changed) {
                git.commit()
                        .setMessage(message)
                        .setAuthor(AUTHOR)
                        .setCommitter(AUTHOR)
                        .call();
            }
            if (!remote.isEmpty()) {
                var push = git.push()
                        .setRemote(new URIish(remote).toString())
                        .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                        .setForce(true);
                if (!token.isEmpty()) {
                    push.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token));
                }
                push.call();
            }
            return changed;
        } catch (java.net.URISyntaxException e) {
            throw new IOException("app.public-site.git-remote is not a Git address: " + remote, e);
        }
    }
}
