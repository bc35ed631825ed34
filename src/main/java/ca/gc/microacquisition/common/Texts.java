package ca.gc.microacquisition.common;

/** Small rules about text that several packages share. */
public final class Texts {

    private Texts() {}

    /** The text cut to at most {@code max} characters (to fit its column); null stays null. */
    public static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
