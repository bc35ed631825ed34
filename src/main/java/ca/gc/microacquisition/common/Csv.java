package ca.gc.microacquisition.common;

import java.util.Arrays;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them (CRLF line ends, fields quoted when they need it), safe to open in
 * a spreadsheet: the one writer for every CSV the service produces.
 *
 * <p>CSV injection (OWASP): a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return would be run as a formula by Excel, LibreOffice or Google Sheets ({@code =HYPERLINK(...)},
 * {@code @SUM(...)}). Such a cell is written with a single quote in front ({@code '=HYPERLINK(...)}), which the
 * spreadsheet shows as text. Numbers ({@link Number} values, e.g. a negative {@code BigDecimal}) are data and are
 * written as they are.
 */
public final class Csv {

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final StringBuilder out = new StringBuilder();

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : neutralize(value.toString());
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The text with a single quote in front when a spreadsheet would read it as a formula; else unchanged. */
    public static String neutralize(String text) {
        if (text == null || text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) {
            // a plain number such as a negative draw seed is data; a spreadsheet cannot run it
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
