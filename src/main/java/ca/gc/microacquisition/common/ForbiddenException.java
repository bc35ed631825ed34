package ca.gc.microacquisition.common;

/** The caller is known but may not act on this thing (e.g. a supplier delivering on another supplier's contract). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
