package ca.gc.microacquisition.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.common.Csv;
import ca.gc.microacquisition.process.ProcurementsForReports;
import ca.gc.microacquisition.process.ProcurementsForReports.Finished;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The open-data file has the layout of the Proactive Disclosure of Contracts dataset and a row per contract. */
@AuditTest
class ProactiveDisclosureTest {

    static final String HEADER = "reference_number,procurement_id,vendor_name,vendor_postal_code,buyer_name,"
            + "contract_date,economic_object_code,description_en,description_fr,contract_period_start,delivery_date,"
            + "contract_value,original_value,amendment_value,comments_en,comments_fr,additional_comments_en,"
            + "additional_comments_fr,agreement_type_code,trade_agreement,land_claims,commodity_type,commodity_code,"
            + "country_of_vendor,solicitation_procedure,limited_tendering_reason,trade_agreement_exceptions,"
            + "indigenous_business,indigenous_business_excluding_psib,intellectual_property,"
            + "potential_commercial_exploitation,former_public_servant,contracting_entity,standing_offer_number,"
            + "instrument_type,ministers_office,number_of_bids,article_6_exceptions,award_criteria,"
            + "socioeconomic_indicator,reporting_period,owner_org,owner_org_title";

    @LocalServerPort
    int port;

    @Autowired
    ProcurementsForReports.Runner procurements;

    @Test
    void awardedContractsInTheDatasetLayout() throws Exception {
        Finished finished = procurements.sharedFinished();
        var response = new WebClient(port).get("/staff/open-data/contracts.csv", "auditor");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        String[] lines = response.body().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(HEADER);
        assertThat(lines[lines.length - 1]).isEmpty(); // every record ends with CRLF
        String row = Arrays.stream(lines)
                .filter(l -> l.startsWith(finished.reference() + "-C1,"))
                .findFirst()
                .orElseThrow();
        List<String> columns = ProactiveDisclosure.COLUMNS;
        // The comments hold commas inside quotes; the fields before them are plain.
        String[] head = row.split(",", 15);
        assertThat(head[columns.indexOf("procurement_id")]).isEqualTo(finished.reference());
        assertThat(head[columns.indexOf("vendor_name")]).startsWith("Supplier ");
        assertThat(head[columns.indexOf("contract_value")]).isEqualTo("2500.00");
        assertThat(head[columns.indexOf("original_value")]).isEqualTo("2500.00");
        assertThat(head[columns.indexOf("description_en")]).isEqualTo("Add a French translation to the widget");
        assertThat(row)
                .endsWith(
                        ",S,,,OB,,,,,,,,,,C,N,2,,,,"
                                + ProactiveDisclosure.reportingPeriod(
                                        LocalDate.now(java.time.ZoneId.of("America/Toronto")))
                                + ",esdc-edsc,Employment and Social Development Canada | Emploi et Développement social Canada");

        var none = new WebClient(port).get("/staff/open-data/contracts.csv?to=2000-01-01", "admin");
        assertThat(none.body()).isEqualTo(HEADER + "\r\n");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void formulasInTheOpenDataFileAreNeutralised() throws Exception {
        Finished other = procurements.finish();
        jdbc.update(
                "update opportunity set title = ? where reference = ?",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                other.reference());
        jdbc.update(
                "update supplier set display_name = ? where id in (select c.supplier_id from contract c"
                        + " join opportunity o on o.id = c.opportunity_id where o.reference = ?)",
                "=HYPERLINK(\"https://evil.example\",\"Click\")",
                other.reference());

        String csv = new WebClient(port)
                .get("/staff/open-data/contracts.csv", "auditor")
                .body();
        String row = Arrays.stream(csv.split("\r\n"))
                .filter(l -> l.startsWith(other.reference() + "-C1,"))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",")
                .contains(",'@SUM(1+1)*cmd|' /C calc'!A0,")
                .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",@SUM");
    }

    @Test
    void reportingPeriodIsTheFiscalQuarter() {
        assertThat(ProactiveDisclosure.reportingPeriod(LocalDate.of(2026, 3, 31)))
                .isEqualTo("2025-2026-Q4");
        assertThat(ProactiveDisclosure.reportingPeriod(LocalDate.of(2026, 4, 1)))
                .isEqualTo("2026-2027-Q1");
        assertThat(ProactiveDisclosure.reportingPeriod(LocalDate.of(2026, 9, 30)))
                .isEqualTo("2026-2027-Q2");
        assertThat(ProactiveDisclosure.reportingPeriod(LocalDate.of(2026, 12, 1)))
                .isEqualTo("2026-2027-Q3");
        assertThat(ProactiveDisclosure.reportingPeriod(LocalDate.of(2027, 1, 15)))
                .isEqualTo("2026-2027-Q4");
    }

    @Test
    void csvFieldsAreQuotedAsRfc4180Says() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field(null)).isEmpty();
    }
}
