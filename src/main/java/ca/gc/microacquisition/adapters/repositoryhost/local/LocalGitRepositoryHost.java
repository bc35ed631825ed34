package ca.gc.microacquisition.adapters.repositoryhost.local;

import ca.gc.microacquisition.adapters.repositoryhost.analysis.LicenceDetector;
import ca.gc.microacquisition.adapters.repositoryhost.analysis.SarifParser;
import ca.gc.microacquisition.adapters.repositoryhost.analysis.SecretScanner;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.ChecksOutcome;
import ca.gc.microacquisition.repositoryhost.ChangeRequestReport.State;
import ca.gc.microacquisition.repositoryhost.Finding;
import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryHostUnavailableException;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The offline repository host: bare Git repositories on this machine, read with JGit.
 *
 * <ul>
 *   <li>A repository is {@code local://<owner>/<name>}, the directory {@code <root>/<owner>/<name>.git}.</li>
 *   <li>It is public unless a file named {@code private} exists in that directory.</li>
 *   <li>A "pull request" is a branch of the repository, {@code local://<owner>/<name>/pull/<branch>}, compared with
 *       the default branch: MERGED when the branch head is reachable from it, else OPEN; NOT_FOUND when the
 *       repository or branch does not exist.</li>
 *   <li>Checks: local repositories have no CI, so NONE, unless the head commit carries a file
 *       {@code .checks/status} whose first line is PASSED, FAILED or PENDING.</li>
 *   <li>Findings: a secret scan of the lines the branch adds or changes since it left the default branch, plus
 *       the results of the SARIF 2.1 files ({@code *.sarif}, {@code *.sarif.json}) the branch adds or changes.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "app.repository.host", havingValue = "local", matchIfMissing = true)
public class LocalGitRepositoryHost implements RepositoryHost {

    /** The file at the head commit that stands in for CI results. */
    public static final String CHECKS_FILE = ".checks/status";

    /** Text files larger than this are not scanned for secrets. */
    private static final int MAX_SCANNED_BYTES = 2 * 1024 * 1024;

    /** SARIF files larger than this are reported as unreadable. */
    private static final int MAX_SARIF_BYTES = 20 * 1024 * 1024;

    private final LocalRepositories repositories;

    public LocalGitRepositoryHost(LocalRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public String kind() {
        return "local";
    }

    /** True for a {@code local://owner/name} repository address and for a change request address in one. */
    @Override
    public boolean recognizes(String repositoryUrl) {
        return LocalRepositoryUrl.parse(repositoryUrl).isPresent();
    }

    @Override
    public RepositoryInfo describe(String repositoryUrl) {
        Optional<LocalRepositoryUrl> parsed =
                LocalRepositoryUrl.parse(repositoryUrl).filter(u -> !u.isChangeRequest());
        if (parsed.isEmpty()) {
            return RepositoryInfo.missing(repositoryUrl);
        }
        LocalRepositoryUrl url = parsed.get();
        try (Repository repo = openOrNull(url)) {
            if (repo == null) {
                return RepositoryInfo.missing(repositoryUrl);
            }
            boolean publicVisible =
                    !Files.exists(repositories.directory(url).resolve(LocalRepositories.PRIVATE_MARKER));
            String defaultBranch = defaultBranch(repo);
            ObjectId head = repo.resolve(Constants.R_HEADS + defaultBranch);
            String licence = null;
            if (head != null) {
                try (RevWalk walk = new RevWalk(repo)) {
                    licence = licenceAt(repo, walk.parseCommit(head).getTree()).spdxId();
                }
            }
            return new RepositoryInfo(repositoryUrl, true, publicVisible, defaultBranch, licence);
        } catch (IOException | RuntimeException e) {
            throw unavailable(url, e);
        }
    }

    @Override
    public boolean isChangeRequestOf(String changeRequestUrl, String repositoryUrl) {
        Optional<LocalRepositoryUrl> change = LocalRepositoryUrl.parse(changeRequestUrl);
        Optional<LocalRepositoryUrl> repository = LocalRepositoryUrl.parse(repositoryUrl);
        return change.isPresent()
                && change.get().isChangeRequest()
                && repository.isPresent()
                && !repository.get().isChangeRequest()
                && change.get().sameRepositoryAs(repository.get());
    }

    @Override
    public ChangeRequestReport inspectChangeRequest(String changeRequestUrl) {
        Optional<LocalRepositoryUrl> parsed =
                LocalRepositoryUrl.parse(changeRequestUrl).filter(LocalRepositoryUrl::isChangeRequest);
        if (parsed.isEmpty()) {
            return notFound(
                    changeRequestUrl,
                    "This is not a change request of the local repository host "
                            + "(expected local://<owner>/<name>/pull/<branch>).");
        }
        LocalRepositoryUrl url = parsed.get();
        try (Repository repo = openOrNull(url)) {
            if (repo == null) {
                return notFound(changeRequestUrl, "The repository " + url.repositoryUrl() + " does not exist.");
            }
            ObjectId headId = repo.resolve(Constants.R_HEADS + url.branch());
            if (headId == null) {
                return notFound(
                        changeRequestUrl,
                        "The branch " + url.branch() + " does not exist in " + url.repositoryUrl() + ".");
            }
            try (ObjectReader reader = repo.newObjectReader();
                    RevWalk walk = new RevWalk(reader)) {
                RevCommit head = walk.parseCommit(headId);
                ObjectId mainId = repo.resolve(Constants.R_HEADS + defaultBranch(repo));
                RevCommit main = mainId == null ? null : walk.parseCommit(mainId);
                boolean merged = main != null && walk.isMergedInto(head, main);
                Base base = merged ? baseOfMergedBranch(repo, head, main) : baseOfOpenBranch(repo, head, main);

                LicenceFile licence = licenceAt(repo, head.getTree());
                List<Finding> findings = new ArrayList<>();
                List<String> unreadable = new ArrayList<>();
                scanChange(repo, reader, base.tree(), head.getTree(), findings, unreadable);

                boolean scanningAvailable = unreadable.isEmpty();
                List<String> notes = new ArrayList<>();
                if (!unreadable.isEmpty()) {
                    notes.add("Some scanning results could not be read: " + String.join("; ", unreadable) + ".");
                }
                if (base.note() != null) {
                    notes.add(base.note());
                }
                return new ChangeRequestReport(
                        changeRequestUrl,
                        merged ? State.MERGED : State.OPEN,
                        head.name(),
                        checksAt(repo, head.getTree()),
                        licence.present(),
                        licence.spdxId(),
                        scanningAvailable,
                        notes.isEmpty() ? null : String.join(" ", notes),
                        findings);
            }
        } catch (IOException | RuntimeException e) {
            throw unavailable(url, e);
        }
    }

    private Repository openOrNull(LocalRepositoryUrl url) {
        return repositories.open(url).orElse(null);
    }

    private static ChangeRequestReport notFound(String url, String note) {
        return new ChangeRequestReport(
                url, State.NOT_FOUND, null, ChecksOutcome.NONE, false, null, false, note, List.of());
    }

    private static RepositoryHostUnavailableException unavailable(LocalRepositoryUrl url, Exception e) {
        return new RepositoryHostUnavailableException(
                "The local repository " + url.repositoryUrl() + " could not be read: " + e.getMessage(), e);
    }

    /** The branch HEAD points to (main for repositories created here). */
    private static String defaultBranch(Repository repo) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
            return head.getTarget().getName().substring(Constants.R_HEADS.length());
        }
        return LocalRepositories.DEFAULT_BRANCH;
    }

    /** Where the change starts from: the tree it is compared with, and a note when that is an approximation. */
    private record Base(RevTree tree, String note) {}

    /** An open branch is compared with its merge base with the default branch. */
    private static Base baseOfOpenBranch(Repository repo, RevCommit head, RevCommit main) throws IOException {
        if (main == null) {
            return new Base(null, null);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(main));
            RevCommit mergeBase = walk.next();
            return new Base(
                    mergeBase == null ? null : walk.parseCommit(mergeBase).getTree(), null);
        }
    }

    /**
     * A merged branch is compared with the default branch as it was before the merge: the first-parent history of
     * the default branch is followed back to the merge commit that brought the branch head in. When the branch was
     * fast-forwarded (no merge commit), the point it left the default branch is no longer known, so only its last
     * commit is compared with its parent.
     */
    private static Base baseOfMergedBranch(Repository repo, RevCommit head, RevCommit main) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit target = walk.parseCommit(head);
            RevCommit current = walk.parseCommit(main);
            while (current != null && !current.equals(target)) {
                if (current.getParentCount() == 0) {
                    break;
                }
                RevCommit firstParent = walk.parseCommit(current.getParent(0));
                boolean broughtIn = false;
                for (int i = 1; i < current.getParentCount() && !broughtIn; i++) {
                    broughtIn = walk.isMergedInto(target, walk.parseCommit(current.getParent(i)));
                }
                if (broughtIn && !walk.isMergedInto(target, firstParent)) {
                    return baseOfOpenBranch(repo, target, firstParent);
                }
                current = firstParent;
            }
            if (target.getParentCount() == 0) {
                return new Base(null, null);
            }
            return new Base(
                    walk.parseCommit(target.getParent(0)).getTree(),
                    "The branch was fast-forwarded into the default branch, so only its last commit was scanned.");
        }
    }

    private record LicenceFile(boolean present, String spdxId) {}

    private static LicenceFile licenceAt(Repository repo, RevTree tree) throws IOException {
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            List<String> names = new ArrayList<>();
            List<ObjectId> ids = new ArrayList<>();
            while (walk.next()) {
                if (walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB
                        && LicenceDetector.isLicenceFileName(walk.getNameString())) {
                    names.add(walk.getNameString());
                    ids.add(walk.getObjectId(0));
                }
            }
            int chosen = names.isEmpty() ? -1 : 0;
            preferred:
            for (String preferred : LicenceDetector.LICENCE_FILE_NAMES) {
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(preferred)) {
                        chosen = i;
                        break preferred;
                    }
                }
            }
            if (chosen < 0) {
                return new LicenceFile(false, null);
            }
            String text = readText(repo, ids.get(chosen), MAX_SCANNED_BYTES);
            return new LicenceFile(
                    true, text == null ? null : LicenceDetector.detect(text).orElse(null));
        }
    }

    private static ChecksOutcome checksAt(Repository repo, RevTree tree) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, CHECKS_FILE, tree)) {
            if (walk == null) {
                return ChecksOutcome.NONE;
            }
            String text = readText(repo, walk.getObjectId(0), 4096);
            String first = text == null
                    ? ""
                    : text.strip().lines().findFirst().orElse("").strip().toUpperCase(Locale.ROOT);
            return switch (first) {
                case "PASSED" -> ChecksOutcome.PASSED;
                case "FAILED" -> ChecksOutcome.FAILED;
                case "PENDING" -> ChecksOutcome.PENDING;
                default -> ChecksOutcome.NONE;
            };
        }
    }

    /** Secret-scans the added and changed lines and reads the SARIF files of the change. */
    private static void scanChange(
            Repository repo,
            ObjectReader reader,
            RevTree base,
            RevTree head,
            List<Finding> findings,
            List<String> unreadable)
            throws IOException {
        List<DiffEntry> changes;
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            if (base == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(new CanonicalTreeParser(null, reader, base));
            }
            walk.addTree(new CanonicalTreeParser(null, reader, head));
            walk.setFilter(TreeFilter.ANY_DIFF);
            changes = DiffEntry.scan(walk);
        }
        DiffAlgorithm diff = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);
        for (DiffEntry change : changes) {
            if (change.getChangeType() == DiffEntry.ChangeType.DELETE
                    || !FileMode.REGULAR_FILE.equals(change.getNewMode())
                            && !FileMode.EXECUTABLE_FILE.equals(change.getNewMode())) {
                continue;
            }
            String path = change.getNewPath();
            ObjectId newId = change.getNewId().toObjectId();
            if (isSarif(path)) {
                readSarif(repo, path, newId, findings, unreadable);
            }
            byte[] newBytes = readBytes(repo, newId, MAX_SCANNED_BYTES);
            if (newBytes == null || RawText.isBinary(newBytes)) {
                continue;
            }
            RawText newText = new RawText(newBytes);
            RawText oldText = RawText.EMPTY_TEXT;
            if (change.getChangeType() == DiffEntry.ChangeType.MODIFY) {
                byte[] oldBytes = readBytes(repo, change.getOldId().toObjectId(), MAX_SCANNED_BYTES);
                oldText = oldBytes == null || RawText.isBinary(oldBytes) ? RawText.EMPTY_TEXT : new RawText(oldBytes);
            }
            EditList edits = diff.diff(RawTextComparator.DEFAULT, oldText, newText);
            List<String> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (Edit edit : edits) {
                for (int i = edit.getBeginB(); i < edit.getEndB(); i++) {
                    lines.add(newText.getString(i));
                    numbers.add(i + 1);
                }
            }
            findings.addAll(SecretScanner.scan(path, lines, numbers));
        }
    }

    private static boolean isSarif(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".sarif") || lower.endsWith(".sarif.json");
    }

    private static void readSarif(
            Repository repo, String path, ObjectId id, List<Finding> findings, List<String> unreadable)
            throws IOException {
        byte[] bytes = readBytes(repo, id, MAX_SARIF_BYTES);
        if (bytes == null) {
            unreadable.add(path + " is larger than " + (MAX_SARIF_BYTES / (1024 * 1024)) + " MB");
            return;
        }
        try {
            findings.addAll(SarifParser.findings(bytes));
        } catch (SarifParser.SarifFormatException e) {
            unreadable.add(path + " is " + e.getMessage());
        }
    }

    /** The blob's bytes, or null when it is larger than {@code limit}. */
    private static byte[] readBytes(Repository repo, ObjectId id, int limit) throws IOException {
        try {
            return repo.open(id, Constants.OBJ_BLOB).getCachedBytes(limit);
        } catch (LargeObjectException e) {
            return null;
        }
    }

    private static String readText(Repository repo, ObjectId id, int limit) throws IOException {
        byte[] bytes = readBytes(repo, id, limit);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
