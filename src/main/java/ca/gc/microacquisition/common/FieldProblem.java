package ca.gc.microacquisition.common;

/**
 * One problem with one input field.
 *
 * @param field   the input's name as the caller sent it (e.g. {@code estimatedValue}, {@code statements[0].text})
 * @param message what is wrong and how to fix it
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
