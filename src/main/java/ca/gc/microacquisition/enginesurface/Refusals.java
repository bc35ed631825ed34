package ca.gc.microacquisition.enginesurface;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.common.ForbiddenException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Tells an ordinary refusal (the caller may not, the state does not allow it, the input is wrong) from a fault, and
 * gives each its HTTP status and a message fit for the caller: the service's own messages as they are, the engine's
 * only when they show no internals (class names, SQL, engine codes), otherwise a plain sentence.
 */
final class Refusals {

    private static final String OWN_PACKAGE = "ca.gc.microacquisition.";
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$.]*|exception|\\bsql|select |insert |update |"
                    + "delete from|\\bat [a-z]+\\.|ENGINE-\\d+|SPIN/|\\$|ACT_[A-Z]{2}_|entity|null\\b)");

    /** A refusal and how to answer it, or a fault (status 500). */
    record Answer(int status, String message, boolean refusal) {}

    private Refusals() {}

    static Answer classify(Throwable failure) {
        ClientCallRefusedException guard = find(failure, ClientCallRefusedException.class);
        if (guard != null) {
            return new Answer(guard.status(), guard.getMessage(), true);
        }
        Throwable own = ownRefusal(failure);
        if (own != null) {
            int status = own instanceof AuthorizationException || own instanceof ForbiddenException
                    ? 403
                    : own instanceof ConflictException ? 409 : 400;
            // A domain conflict wrapped by the process's "bad user request" keeps its conflict status.
            if (status == 400 && find(failure, ConflictException.class) != null) {
                status = 409;
            }
            return new Answer(status, own.getMessage(), true);
        }
        if (find(failure, AuthorizationException.class) != null) {
            return new Answer(403, "You are not allowed to do this.", true);
        }
        if (find(failure, TaskAlreadyClaimedException.class) != null) {
            return new Answer(409, "The task is already claimed by someone else.", true);
        }
        if (find(failure, OptimisticLockingException.class) != null) {
            return new Answer(409, "Someone else changed this at the same time: reload and try again.", true);
        }
        if (find(failure, NotFoundException.class) != null || find(failure, NullValueException.class) != null) {
            return new Answer(
                    404, safe(find(failure, ProcessEngineException.class), "Not found, or no longer running."), true);
        }
        if (find(failure, NotValidException.class) != null || find(failure, BadUserRequestException.class) != null) {
            ProcessEngineException refusal = find(failure, NotValidException.class) != null
                    ? find(failure, NotValidException.class)
                    : find(failure, BadUserRequestException.class);
            return new Answer(400, safe(refusal, "The request is not valid."), true);
        }
        if (find(failure, DomainValidationException.class) != null) {
            return new Answer(
                    400, find(failure, DomainValidationException.class).getMessage(), true);
        }
        if (find(failure, ConflictException.class) != null) {
            return new Answer(409, find(failure, ConflictException.class).getMessage(), true);
        }
        ProcessEngineException engine = find(failure, ProcessEngineException.class);
        if (engine != null && !isTechnical(failure)) {
            // The engine refuses a request its current state does not allow with a plain ProcessEngineException.
            return new Answer(409, safe(engine, "The request conflicts with the current state."), true);
        }
        return new Answer(500, "The request could not be completed because of an internal error.", false);
    }

    /** A refusal raised by the service's own code (listener, guard, domain), whose message is written for people. */
    static Throwable ownRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean refusalType = t instanceof BadUserRequestException
                    || t instanceof AuthorizationException
                    || t instanceof DomainValidationException
                    || t instanceof ConflictException
                    || t instanceof ForbiddenException;
            if (refusalType && raisedByOwnCode(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean raisedByOwnCode(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(OWN_PACKAGE);
    }

    /** A database or programming fault rather than a refusal by the engine's rules. */
    private static boolean isTechnical(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (!(root instanceof ProcessEngineException) && !(root instanceof jakarta.ws.rs.WebApplicationException)) {
            return true; // the engine wrapped a Java failure (a bug, a broken value), not a rule of its own
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException
                    || t instanceof org.apache.ibatis.exceptions.PersistenceException
                    || t instanceof NullPointerException
                    || t instanceof ClassCastException
                    || t instanceof IllegalStateException
                    || t instanceof Error) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.startsWith("org.springframework.dao.") || name.startsWith("org.springframework.transaction.")) {
                return true;
            }
        }
        return false;
    }

    private static String safe(Throwable failure, String fallback) {
        String message = failure == null ? null : failure.getMessage();
        if (message == null
                || message.isBlank()
                || message.length() > 300
                || INTERNALS.matcher(message).find()) {
            return fallback;
        }
        return message;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
