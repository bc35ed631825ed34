package ca.gc.microacquisition.repositoryhost;

/** The repository host could not be reached or failed: a technical failure, retried by the engine. */
public class RepositoryHostUnavailableException extends RuntimeException {

    public RepositoryHostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RepositoryHostUnavailableException(String message) {
        super(message);
    }
}
