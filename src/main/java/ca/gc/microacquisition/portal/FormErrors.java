package ca.gc.microacquisition.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The problems of a submitted form, in the page's language: listed in the error summary at the top of the form
 * (each a link to its field) and shown next to each field.
 */
public class FormErrors {

    /** @param field the id of the input in the page */
    public record Error(String field, String message) {}

    private final List<Error> errors = new ArrayList<>();

    public FormErrors add(String field, String message) {
        errors.add(new Error(field, message));
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The first message for a field, or null. */
    public String of(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(Error::message)
                .findFirst()
                .orElse(null);
    }

    public List<Error> all() {
        return List.copyOf(errors);
    }

    public Optional<Error> first() {
        return errors.stream().findFirst();
    }
}
