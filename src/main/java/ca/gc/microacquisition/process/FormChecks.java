package ca.gc.microacquisition.process;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Collects every problem of one form submission, to refuse it with all of them at once. */
final class FormChecks {

    private final List<String> messages = new ArrayList<>();

    void mustBeTrue(DelegateTask task, String name, String message) {
        if (!Boolean.TRUE.equals(Flags.bool(task.getVariable(name)))) {
            messages.add(message);
        }
    }

    void text(DelegateTask task, String name, int minLength, String message) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().strip().length() < minLength) {
            messages.add(message);
        } else if (value.toString().length() > 4000) {
            messages.add(name + ": at most 4,000 characters.");
        }
    }

    void oneOf(DelegateTask task, String name, Set<String> allowed, String message) {
        Object value = task.getVariable(name);
        if (value == null || !allowed.contains(value.toString())) {
            messages.add(message);
        }
    }

    void future(DelegateTask task, String name, Clock clock, String message) {
        Object value = task.getVariable(name);
        OffsetDateTime time = null;
        try {
            if (value instanceof Date date) {
                time = OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
            } else if (value != null) {
                time = DateTimes.parse(value.toString());
            }
        } catch (DateTimeParseException e) {
            messages.add(message + " (" + value + " is not a date and time)");
            return;
        }
        if (time == null || !time.isAfter(OffsetDateTime.now(clock))) {
            messages.add(message);
        }
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new BadUserRequestException("Please correct the form: " + String.join(" ", messages));
        }
    }
}
