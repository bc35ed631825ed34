package ca.gc.microacquisition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.Inputs;
import ca.gc.microacquisition.common.Problems;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Task forms read dates exactly as the request form and the API do: with an offset, or not at all. */
class DateTimesTest {

    @Test
    void aDateWithAnOffsetIsReadInUtc() {
        assertThat(DateTimes.parse("2026-03-01T17:00:00-05:00"))
                .isEqualTo(OffsetDateTime.parse("2026-03-01T22:00:00Z"));
        assertThat(DateTimes.parse(" 2026-03-01T17:00-05:00[America/Toronto] "))
                .isEqualTo(OffsetDateTime.parse("2026-03-01T22:00:00Z"));
    }

    @Test
    void aDateWithoutAnOffsetIsRefusedHereAsEverywhere() {
        assertThatThrownBy(() -> DateTimes.parse("2026-03-01T17:00:00")).isInstanceOf(DateTimeParseException.class);
        Problems problems = new Problems("The request");
        assertThat(Inputs.dateTime(problems, "proposalDeadline", "2026-03-01T17:00:00"))
                .isNull();
        assertThat(problems.has("proposalDeadline")).isTrue();
    }

    @Test
    void theSameTextGivesTheSameInstantThroughEitherDoor() {
        String text = "2026-11-05T09:30:00+01:00";
        assertThat(DateTimes.parse(text)).isEqualTo(Inputs.dateTime(new Problems("x"), "f", text));
    }
}
