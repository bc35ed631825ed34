package ca.gc.microacquisition.payment;

/** The card processor timed out, failed (5xx) or could not be reached: retried by the engine, then an incident. */
public class CardProcessorUnavailableException extends RuntimeException {

    public CardProcessorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public CardProcessorUnavailableException(String message) {
        super(message);
    }
}
