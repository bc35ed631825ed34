package ca.gc.microacquisition.adapters.repositoryhost.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo data for the local repository host: the repository {@code local://esdc/demo-widget} (MIT) and a "pull
 * request" {@code local://esdc/demo-widget/pull/feature/improve-readme} that a demo supplier can deliver.
 * Creates only what is missing, so restarts leave existing data alone.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "app.repository.host", havingValue = "local", matchIfMissing = true)
public class DemoRepositoryData implements ApplicationRunner {

    public static final String OWNER = "esdc";
    public static final String NAME = "demo-widget";
    public static final String BRANCH = "feature/improve-readme";

    private static final Logger log = LoggerFactory.getLogger(DemoRepositoryData.class);

    private final LocalRepositories repositories;

    public DemoRepositoryData(LocalRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensureDemoData();
        } catch (RuntimeException e) {
            // Demo data is a convenience: the service runs without it.
            log.warn(
                    "Could not prepare the demo repository {}: {}",
                    LocalRepositoryUrl.repositoryUrl(OWNER, NAME),
                    e.getMessage(),
                    e);
        }
    }

    /** Creates the demo repository and its branch when they are missing. */
    public void ensureDemoData() {
        Path dir = repositories.directory(OWNER, NAME);
        if (!repositories.exists(OWNER, NAME)) {
            if (Files.exists(dir)) {
                log.warn("{} exists but is not a bare Git repository; demo repository not created", dir);
                return;
            }
            repositories.createRepository(OWNER, NAME, "MIT");
            log.info("Created the demo repository {} in {}", LocalRepositoryUrl.repositoryUrl(OWNER, NAME), dir);
        }
        if (!branchExists()) {
            repositories.commitFiles(
                    OWNER,
                    NAME,
                    BRANCH,
                    Map.of("README.md", """
                    # demo-widget

                    A small widget used to try the Micro-Acquisition service end to end.

                    ## Getting started

                    1. Clone the repository.
                    2. Read the source; there is not much of it yet.

                    ## Contributing

                    Open a pull request against `main`. Every change is reviewed before it is merged.
                    """),
                    "Improve the README: getting started and contributing");
            log.info("Created the demo pull request {}", LocalRepositoryUrl.changeRequestUrl(OWNER, NAME, BRANCH));
        }
    }

    private boolean branchExists() {
        try (Repository repo =
                repositories.open(new LocalRepositoryUrl(OWNER, NAME, null)).orElseThrow()) {
            return repo.exactRef(Constants.R_HEADS + BRANCH) != null;
        } catch (IOException e) {
            throw new LocalRepositories.LocalRepositoryException("Cannot read the demo repository", e);
        }
    }
}
