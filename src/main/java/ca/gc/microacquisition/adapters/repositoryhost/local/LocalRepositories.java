package ca.gc.microacquisition.adapters.repositoryhost.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The bare Git repositories of the local repository host, under {@code app.repository.local.root}
 * ({@code <root>/<owner>/<name>.git}). Creates repositories and commits to their branches without a work tree, so
 * that demo data, tests and staff can prepare a repository and a "pull request" (a branch) without a Git client.
 * People can do the same with {@code git clone}/{@code git push} on the directory.
 */
@Component
@ConditionalOnProperty(name = "app.repository.host", havingValue = "local", matchIfMissing = true)
public class LocalRepositories {

    public static final String DEFAULT_BRANCH = "main";

    /** A file in the bare repository directory marking the repository as private (not publicly visible). */
    public static final String PRIVATE_MARKER = "private";

    private static final PersonIdent SERVICE = new PersonIdent("Micro-Acquisition", "micro-acquisition@localhost");

    private final Path root;

    public LocalRepositories(@Value("${app.repository.local.root:./data/repositories}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The directory holding every owner's repositories. */
    public Path root() {
        return root;
    }

    /** The bare repository directory of {@code local://owner/name} (whether or not it exists). */
    public Path directory(String owner, String name) {
        return directory(new LocalRepositoryUrl(owner, name, null));
    }

    Path directory(LocalRepositoryUrl url) {
        Path dir = root.resolve(url.relativeDirectory()).normalize();
        if (!dir.startsWith(root)) {
            throw new IllegalArgumentException("Repository outside the repositories root: " + url);
        }
        return dir;
    }

    public boolean exists(String owner, String name) {
        return open(new LocalRepositoryUrl(owner, name, null))
                .map(r -> {
                    r.close();
                    return true;
                })
                .orElse(false);
    }

    /** Opens the bare repository, or empty when it does not exist. The caller closes it. */
    Optional<Repository> open(LocalRepositoryUrl url) {
        Path dir = directory(url);
        if (!Files.isDirectory(dir.resolve("objects")) || !Files.isRegularFile(dir.resolve("HEAD"))) {
            return Optional.empty();
        }
        try {
            Repository repository = new FileRepositoryBuilder()
                    .setGitDir(dir.toFile())
                    .setMustExist(true)
                    .build();
            if (!repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            return Optional.of(repository);
        } catch (IOException e) {
            throw new LocalRepositoryException("Cannot open the repository " + url.repositoryUrl(), e);
        }
    }

    /**
     * Creates {@code local://owner/name}: a bare repository whose default branch {@code main} holds a README.md and a
     * LICENSE for the given SPDX id (the full text for MIT, a short notice naming the licence for the others).
     *
     * @return the repository URL
     * @throws IllegalStateException when the repository already exists
     */
    public synchronized String createRepository(String owner, String name, String licenceSpdx) {
        LocalRepositoryUrl url = new LocalRepositoryUrl(owner, name, null);
        Path dir = directory(url);
        if (Files.exists(dir)) {
            throw new IllegalStateException("The repository " + url.repositoryUrl() + " already exists");
        }
        try {
            Files.createDirectories(dir.getParent());
            try (Git git = Git.init()
                    .setBare(true)
                    .setDirectory(dir.toFile())
                    .setInitialBranch(DEFAULT_BRANCH)
                    .call()) {
                // the repository is created; the first commit is written below
            }
        } catch (IOException | GitAPIException e) {
            throw new LocalRepositoryException("Cannot create the repository " + url.repositoryUrl(), e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# " + name + "\n\nOpen-source work of " + owner + ".\n");
        if (licenceSpdx != null && !licenceSpdx.isBlank()) {
            files.put("LICENSE", LicenceTexts.licenceFile(licenceSpdx.trim(), owner));
        }
        commitFiles(owner, name, DEFAULT_BRANCH, files, "Initial commit");
        return url.repositoryUrl();
    }

    /**
     * Commits files to a branch, creating the branch from {@code main} when it does not exist yet. A null content
     * deletes the file.
     *
     * @return the new commit's id
     */
    public synchronized String commitFiles(
            String owner, String name, String branch, Map<String, String> files, String message) {
        LocalRepositoryUrl url = new LocalRepositoryUrl(owner, name, branch);
        try (Repository repo = open(url)
                        .orElseThrow(() -> new IllegalStateException(
                                "The repository " + url.repositoryUrl() + " does not exist"));
                ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            String ref = Constants.R_HEADS + branch;
            ObjectId current = repo.resolve(ref);
            ObjectId parent = current != null ? current : repo.resolve(Constants.R_HEADS + DEFAULT_BRANCH);

            DirCache index = DirCache.newInCore();
            if (parent != null) {
                DirCacheBuilder builder = index.builder();
                builder.addTree(
                        new byte[0],
                        DirCacheEntry.STAGE_0,
                        reader,
                        walk.parseCommit(parent).getTree());
                builder.finish();
            }
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, String> file : files.entrySet()) {
                String path = file.getKey();
                if (file.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                } else {
                    ObjectId blob =
                            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
                    editor.add(new DirCacheEditor.PathEdit(path) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                            entry.setObjectId(blob);
                        }
                    });
                }
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);

            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent who = new PersonIdent(SERVICE, java.time.Instant.now(), java.time.ZoneOffset.UTC);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            updateRef(repo, ref, current, id, "commit: " + message);
            return id.name();
        } catch (IOException e) {
            throw new LocalRepositoryException("Cannot commit to " + url, e);
        }
    }

    /**
     * Merges a branch into {@code main} with a merge commit (as a maintainer accepting a pull request would).
     * Does nothing when the branch is already merged.
     *
     * @return the commit at the head of {@code main} afterwards
     * @throws IllegalStateException when the branch does not exist or does not merge cleanly
     */
    public synchronized String mergeIntoDefaultBranch(String owner, String name, String branch) {
        LocalRepositoryUrl url = new LocalRepositoryUrl(owner, name, branch);
        try (Repository repo = open(url)
                        .orElseThrow(() -> new IllegalStateException(
                                "The repository " + url.repositoryUrl() + " does not exist"));
                ObjectInserter inserter = repo.newObjectInserter();
                RevWalk walk = new RevWalk(repo)) {
            ObjectId branchId = repo.resolve(Constants.R_HEADS + branch);
            ObjectId mainId = repo.resolve(Constants.R_HEADS + DEFAULT_BRANCH);
            if (branchId == null || mainId == null) {
                throw new IllegalStateException("Nothing to merge: " + url + " or its main branch does not exist");
            }
            RevCommit branchHead = walk.parseCommit(branchId);
            RevCommit mainHead = walk.parseCommit(mainId);
            if (walk.isMergedInto(branchHead, mainHead)) {
                return mainHead.name();
            }
            ThreeWayMerger merger = MergeStrategy.RECURSIVE.newMerger(repo, true);
            if (!merger.merge(mainHead, branchHead)) {
                throw new IllegalStateException("The branch " + branch + " does not merge cleanly into main");
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(mainHead, branchHead);
            PersonIdent who = new PersonIdent(SERVICE, java.time.Instant.now(), java.time.ZoneOffset.UTC);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("Merge branch '" + branch + "'");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            updateRef(repo, Constants.R_HEADS + DEFAULT_BRANCH, mainId, id, "merge " + branch);
            return id.name();
        } catch (IOException e) {
            throw new LocalRepositoryException("Cannot merge " + url, e);
        }
    }

    /** Marks the repository private (not publicly visible) or public again; see {@link #PRIVATE_MARKER}. */
    public void setPrivate(String owner, String name, boolean privateRepository) {
        Path marker = directory(owner, name).resolve(PRIVATE_MARKER);
        if (!exists(owner, name)) {
            throw new IllegalStateException(
                    "The repository " + LocalRepositoryUrl.repositoryUrl(owner, name) + " does not exist");
        }
        try {
            if (privateRepository) {
                Files.writeString(
                        marker,
                        "This repository is private: the local repository host reports it as "
                                + "not publicly visible.\n");
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new LocalRepositoryException("Cannot change the visibility of " + owner + "/" + name, e);
        }
    }

    private static void updateRef(Repository repo, String ref, ObjectId expectedOld, ObjectId newId, String log)
            throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(newId);
        update.setExpectedOldObjectId(expectedOld == null ? ObjectId.zeroId() : expectedOld);
        update.setRefLogMessage(log, false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {}
            default ->
                throw new IllegalStateException("Could not update " + ref + " (" + result
                        + "); someone else changed it at the same time, try again");
        }
    }

    /** A repository could not be read or written (disk, permissions, corrupt repository). */
    public static class LocalRepositoryException extends RuntimeException {
        public LocalRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
