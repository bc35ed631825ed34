package ca.gc.microacquisition.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Parses the loosely typed values that arrive from forms and process variables (strings, numbers, dates) into
 * domain types, reporting problems by field instead of throwing parser errors.
 */
public final class Inputs {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    private Inputs() {}

    /** A CAD amount written like "8500.00"; at most 2 decimals. Returns null (and records a problem) when unusable. */
    public static BigDecimal money(Problems problems, String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            problems.add(field, "is required (an amount in dollars, e.g. 8500.00)");
            return null;
        }
        String text = value.toString().strip().replace(",", "");
        if (text.startsWith("$")) {
            text = text.substring(1);
        }
        if (!DECIMAL.matcher(text).matches()) {
            problems.add(field, "must be an amount in dollars such as 8500.00");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(field, "must have at most 2 decimals (cents)");
            return null;
        }
        return amount.setScale(2);
    }

    /**
     * A point in time: an ISO-8601 string with an offset (e.g. 2026-03-01T17:00:00-05:00), or a
     * {@link Date}, {@link Instant}, {@link OffsetDateTime} or {@link ZonedDateTime}. Returned in UTC.
     */
    public static OffsetDateTime dateTime(Problems problems, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(field, "is required (a date and time with its time zone)");
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        try {
            return parseDateTime(value.toString());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date and time with its time zone, e.g. 2026-03-01T17:00:00-05:00");
            return null;
        }
    }

    /**
     * The service's one reader of typed date-times (forms, API, task completions): ISO-8601 with an offset or a
     * zone id, returned in UTC. A date-time without an offset is refused, never read in an assumed zone.
     *
     * @throws DateTimeParseException when the text is not such a date-time
     */
    public static OffsetDateTime parseDateTime(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return ZonedDateTime.parse(value).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
    }

    /** A whole number given as Integer, Long, Short or a String of digits. */
    public static Integer integer(Problems problems, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(field, "is required (a whole number)");
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                problems.add(field, "is out of range");
                return null;
            }
            return (int) l;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                return (int) d;
            }
            problems.add(field, "must be a whole number");
            return null;
        }
        String text = value.toString().strip();
        if (!INTEGER.matcher(text).matches()) {
            problems.add(field, "must be a whole number");
            return null;
        }
        return Integer.parseInt(text);
    }
}
