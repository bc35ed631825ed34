package ca.gc.microacquisition.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one CSV writer: RFC 4180 quoting and OWASP CSV-injection neutralising. */
class CsvTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"https://evil.example\",\"Click\")",
                "@SUM(1+1)",
                "+1+cmd|' /C calc'!A0",
                "-2+3",
                "\t=1+1",
                "\r=1+1",
                "=1+1"
            })
    void formulaCellsGetALeadingQuote(String cell) {
        assertThat(Csv.neutralize(cell)).isEqualTo("'" + cell);
        String written = Csv.field(cell);
        assertThat(written.startsWith("'") || written.startsWith("\"'"))
                .as(written)
                .isTrue();
    }

    @Test
    void ordinaryCellsAndNumbersAreUnchanged() {
        assertThat(Csv.field("Supplier 1")).isEqualTo("Supplier 1");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(new BigDecimal("-12.50"))).isEqualTo("-12.50");
        assertThat(Csv.field(2500)).isEqualTo("2500");
        // a plain number written as text (a draw's seed) is data, not a formula
        assertThat(Csv.field("-3747765936644775098")).isEqualTo("-3747765936644775098");
        assertThat(Csv.field("+12.50")).isEqualTo("+12.50");
        assertThat(Csv.field("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(new Csv().row("=1+1", "@A1", null, "ok").toString()).isEqualTo("'=1+1,'@A1,,ok\r\n");
    }
}
