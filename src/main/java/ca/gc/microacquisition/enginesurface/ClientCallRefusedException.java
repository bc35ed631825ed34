package ca.gc.microacquisition.enginesurface;

/**
 * A client call refused by {@link ClientCallGuard} before the engine runs the command. Deliberately not a
 * {@code ProcessEngineException}: the REST resources catch those and re-label them (a refused attachment deletion
 * would answer "no attachment exists"); this one reaches {@link EngineProblems} as it is.
 */
final class ClientCallRefusedException extends RuntimeException {

    private final int status;

    private ClientCallRefusedException(int status, String message) {
        super(message, null, false, true);
        this.status = status;
    }

    /** The caller may not do this (HTTP 403). */
    static ClientCallRefusedException forbidden(String message) {
        return new ClientCallRefusedException(403, message);
    }

    /** The request sends what the form does not take (HTTP 400). */
    static ClientCallRefusedException badRequest(String message) {
        return new ClientCallRefusedException(400, message);
    }

    int status() {
        return status;
    }
}
