package ca.gc.microacquisition.opportunity;

import ca.gc.microacquisition.repositoryhost.RepositoryHost;
import ca.gc.microacquisition.repositoryhost.RepositoryInfo;
import org.springframework.stereotype.Service;

/** Whether a request's repository is an open repository on the code host this service works with. */
@Service
public class RepositoryCheckService {

    private final RepositoryHost repositoryHost;

    public RepositoryCheckService(RepositoryHost repositoryHost) {
        this.repositoryHost = repositoryHost;
    }

    /** True when the host manages the URL and the repository exists and anyone can read it. */
    public boolean isOpenRepository(String repositoryUrl) {
        if (repositoryUrl == null || repositoryUrl.isBlank() || !repositoryHost.recognizes(repositoryUrl.strip())) {
            return false;
        }
        RepositoryInfo info = repositoryHost.describe(repositoryUrl.strip());
        return info.exists() && info.publicVisible();
    }
}
