package ca.gc.microacquisition.rules;

import java.util.function.Supplier;

/**
 * The reason given for a deployment, handed to {@link RuleChangeRecorder} inside the engine's deployment command
 * (which runs in the caller's thread). Set only around one deployment, then cleared.
 */
public final class RuleChangeReason {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RuleChangeReason() {}

    public static <T> T during(String reason, Supplier<T> deployment) {
        String previous = CURRENT.get();
        CURRENT.set(reason);
        try {
            return deployment.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }
}
