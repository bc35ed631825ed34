package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.Question;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The models of the public pages, for the static export (which renders the same templates). */
public final class PortalPages {

    private PortalPages() {}

    public static Map<String, Object> listModel(
            List<Opportunity> posted, Locale locale, ZoneId zone, OffsetDateTime now) {
        return PublicPagesController.listModel(posted, locale, zone, now);
    }

    public static OpportunityPage page(
            Opportunity o, Locale locale, ZoneId zone, List<Question> answered, OffsetDateTime now) {
        return OpportunityPage.of(o, locale, zone, answered, now);
    }
}
