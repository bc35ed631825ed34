package ca.gc.microacquisition.common;

import java.time.Duration;

/** The client sent this kind of request too often; it may try again after the window. */
public class RateLimitedException extends RuntimeException {

    private final Duration window;

    public RateLimitedException(Duration window) {
        super("Too many requests of this kind from your address; try again in " + window.toMinutes() + " minutes.");
        this.window = window;
    }

    public Duration getWindow() {
        return window;
    }
}
