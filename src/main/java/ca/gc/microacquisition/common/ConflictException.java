package ca.gc.microacquisition.common;

/** The request is valid but the current state does not allow it (late proposal, second proposal, wrong state). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
