package ca.gc.microacquisition.common;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while validating, then throws them together. */
public final class Problems {

    private final String subject;
    private final List<FieldProblem> list = new ArrayList<>();

    /** @param subject how the summary names the input, e.g. "The request" */
    public Problems(String subject) {
        this.subject = subject;
    }

    public Problems add(String field, String message) {
        list.add(new FieldProblem(field, message));
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Required text: non-blank and at most {@code max} characters. Returns the trimmed text, or null. */
    public String text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() < min) {
            add(field, "must be at least " + min + " characters");
        } else if (trimmed.length() > max) {
            add(field, "must be at most " + max + " characters (it has " + trimmed.length() + ")");
        }
        return trimmed;
    }

    /** Optional text: at most {@code max} characters. Returns the trimmed text, or null when blank. */
    public String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "must be at most " + max + " characters (it has " + trimmed.length() + ")");
        }
        return trimmed;
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new DomainValidationException(subject, list);
        }
    }
}
