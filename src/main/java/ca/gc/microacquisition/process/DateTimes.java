package ca.gc.microacquisition.process;

import ca.gc.microacquisition.common.Inputs;
import java.time.OffsetDateTime;

/**
 * Date-times typed in task forms, read by the service's one date reader ({@link Inputs#parseDateTime}): ISO-8601
 * with an offset; without one the value is refused (a {@link java.time.format.DateTimeParseException}), as the
 * request form and the API refuse it.
 */
final class DateTimes {

    private DateTimes() {}

    static OffsetDateTime parse(String text) {
        return Inputs.parseDateTime(text);
    }
}
