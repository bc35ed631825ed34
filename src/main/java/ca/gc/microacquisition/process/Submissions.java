package ca.gc.microacquisition.process;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Turns the domain's refusals of a person's input into the engine's "bad user request", which Tasklist and
 * the REST API show as a message (HTTP 400) instead of a server error. Nothing is changed: the transaction rolls back.
 */
final class Submissions {

    private Submissions() {}

    static <T> T refuseInvalid(Supplier<T> action) {
        try {
            return action.get();
        } catch (DomainValidationException | ConflictException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }

    static void refuseInvalid(Runnable action) {
        refuseInvalid(() -> {
            action.run();
            return null;
        });
    }
}
