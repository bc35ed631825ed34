package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.common.Csv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Awarded contracts as a CSV in the column layout of the Government of Canada's "Proactive Disclosure - Contracts"
 * open dataset (open.canada.ca), ready to publish: UTF-8, RFC 4180, one row per contract. Columns the service
 * knows are filled; the others are left empty for the department to complete. Self-identification is never
 * published. docs/auditor-guide.md lists what each column holds.
 */
public class ProactiveDisclosure {

    public static final List<String> COLUMNS = List.of(
            "reference_number",
            "procurement_id",
            "vendor_name",
            "vendor_postal_code",
            "buyer_name",
            "contract_date",
            "economic_object_code",
            "description_en",
            "description_fr",
            "contract_period_start",
            "delivery_date",
            "contract_value",
            "original_value",
            "amendment_value",
            "comments_en",
            "comments_fr",
            "additional_comments_en",
            "additional_comments_fr",
            "agreement_type_code",
            "trade_agreement",
            "land_claims",
            "commodity_type",
            "commodity_code",
            "country_of_vendor",
            "solicitation_procedure",
            "limited_tendering_reason",
            "trade_agreement_exceptions",
            "indigenous_business",
            "indigenous_business_excluding_psib",
            "intellectual_property",
            "potential_commercial_exploitation",
            "former_public_servant",
            "contracting_entity",
            "standing_offer_number",
            "instrument_type",
            "ministers_office",
            "number_of_bids",
            "article_6_exceptions",
            "award_criteria",
            "socioeconomic_indicator",
            "reporting_period",
            "owner_org",
            "owner_org_title");

    /** Departments of the pilot and their open.canada.ca organisation (id and bilingual title). */
    static final Map<String, String[]> ORGANIZATIONS = Map.of("ESDC", new String[] {
        "esdc-edsc", "Employment and Social Development Canada | Emploi et Développement social Canada"
    });

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public ProactiveDisclosure(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Contracts awarded in the period (days in the service's time zone, inclusive; open when a date is missing). */
    public String csv(LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.opportunity_id, c.price, c.awarded_at, c.due_date, c.status, c.licence, c.terminated_at,
                       o.reference, o.title, o.department, s.display_name,
                       (select count(*) from proposal p where p.opportunity_id = o.id) as bids
                from contract c join opportunity o on o.id = c.opportunity_id join supplier s on s.id = c.supplier_id
                where o.test_opportunity = false""");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" and c.awarded_at >= ?");
            args.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            sql.append(" and c.awarded_at < ?");
            args.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        sql.append(" order by c.awarded_at, o.reference");
        Map<UUID, Integer> contractsPerOpportunity = new HashMap<>();
        Csv csv = new Csv().row(COLUMNS);
        jdbc.query(
                sql.toString(),
                rs -> {
                    UUID opportunityId = AuditRows.uuid(rs, "opportunity_id");
                    int sequence = contractsPerOpportunity.merge(opportunityId, 1, Integer::sum);
                    String reference = rs.getString("reference");
                    LocalDate awarded = local(AuditRows.time(rs, "awarded_at"));
                    BigDecimal price = rs.getBigDecimal("price");
                    boolean terminated = "TERMINATED".equals(rs.getString("status"));
                    String[] organization = ORGANIZATIONS.get(rs.getString("department"));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("reference_number", reference + "-C" + sequence);
                    row.put("procurement_id", reference);
                    row.put("vendor_name", rs.getString("display_name"));
                    row.put("contract_date", awarded);
                    row.put("description_en", rs.getString("title"));
                    row.put("contract_period_start", awarded);
                    row.put("delivery_date", local(AuditRows.time(rs, "due_date")));
                    row.put("contract_value", price);
                    row.put("original_value", price);
                    row.put(
                            "comments_en",
                            "Micro-acquisition pilot: fixed-price open-source software work under the "
                                    + rs.getString("licence")
                                    + " licence; supplier drawn at random among proposals passing every"
                                    + " mandatory criterion." + (terminated ? " Terminated for non-delivery." : ""));
                    row.put(
                            "comments_fr",
                            "Projet pilote de micro-acquisition : travail logiciel libre à prix fixe sous la"
                                    + " licence " + rs.getString("licence")
                                    + "; fournisseur tiré au sort parmi les propositions"
                                    + " satisfaisant à tous les critères obligatoires."
                                    + (terminated ? " Résilié pour défaut de livraison." : ""));
                    row.put("commodity_type", "S");
                    row.put("solicitation_procedure", "OB");
                    row.put("instrument_type", "C");
                    row.put("ministers_office", "N");
                    row.put("number_of_bids", rs.getLong("bids"));
                    row.put("reporting_period", reportingPeriod(awarded));
                    row.put(
                            "owner_org",
                            organization == null
                                    ? rs.getString("department").toLowerCase(java.util.Locale.ROOT)
                                    : organization[0]);
                    row.put("owner_org_title", organization == null ? rs.getString("department") : organization[1]);
                    csv.row(COLUMNS.stream().map(row::get).toList());
                },
                args.toArray());
        return csv.toString();
    }

    /** The Government of Canada fiscal quarter of a date: the year runs from April 1 ("2025-2026-Q4" for March 2026). */
    static String reportingPeriod(LocalDate date) {
        if (date == null) {
            return null;
        }
        int startYear = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int quarter = ((date.getMonthValue() + 8) % 12) / 3 + 1;
        return startYear + "-" + (startYear + 1) + "-Q" + quarter;
    }

    private LocalDate local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toLocalDate();
    }
}
