package ca.gc.microacquisition.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off for failed sign-ins, per key (an account or a client address), in memory (per node). The first
 * {@code freeFailures} failures cost nothing; each further failure makes the key wait 1 s, 2 s, 4 s ... at most
 * {@code maxDelay}. Never a permanent lock: a key whose last failure is older than four times {@code maxDelay}
 * starts again from zero, and {@link #success} clears an account's count.
 */
public class LoginThrottle {

    private static final int MAX_ENTRIES = 50_000;

    private record State(int failures, Instant lastFailure, Instant blockedUntil) {}

    private final int freeFailures;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(int freeFailures, Duration maxDelay, Clock clock) {
        if (freeFailures < 0 || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("freeFailures must be >= 0 and maxDelay positive");
        }
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long the key must still wait before its next attempt is even checked; zero when it may try now. */
    public Duration waitFor(String key) {
        State state = states.get(key);
        Instant now = clock.instant();
        if (state == null
                || state.blockedUntil() == null
                || !state.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, state.blockedUntil());
        // Round up to whole seconds (Retry-After).
        return Duration.ofSeconds(left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /** Records a failed attempt for the key. */
    public void failure(String key) {
        Instant now = clock.instant();
        if (states.size() > MAX_ENTRIES) {
            Instant stale = now.minus(maxDelay.multipliedBy(4));
            states.entrySet().removeIf(e -> e.getValue().lastFailure().isBefore(stale));
        }
        states.compute(key, (k, old) -> {
            int failures = old == null || old.lastFailure().isBefore(now.minus(maxDelay.multipliedBy(4)))
                    ? 1
                    : old.failures() + 1;
            Instant blockedUntil = null;
            if (failures > freeFailures) {
                int exponent = Math.min(failures - freeFailures - 1, 30);
                Duration delay = Duration.ofSeconds(1L << exponent);
                blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new State(failures, now, blockedUntil);
        });
    }

    /** Clears the key (an account that signed in with the right password). */
    public void success(String key) {
        states.remove(key);
    }

    public int freeFailures() {
        return freeFailures;
    }

    public Duration maxDelay() {
        return maxDelay;
    }
}
