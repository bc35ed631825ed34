package ca.gc.microacquisition.process;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Date-times typed in forms: ISO-8601 with an offset, or without one (then in the service's time zone). */
final class DateTimes {

    static final ZoneId SERVICE_ZONE = ZoneId.of("America/Toronto");

    private DateTimes() {
    }

    static OffsetDateTime parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(value).atZone(SERVICE_ZONE).toOffsetDateTime();
        }
    }
}
