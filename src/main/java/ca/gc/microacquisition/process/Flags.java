package ca.gc.microacquisition.process;

/** Form values arrive as Boolean from Camunda Forms and as text from some REST clients. */
final class Flags {

    private Flags() {}

    static Boolean bool(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
