package ca.gc.microacquisition.opportunity;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the public reads of an opportunity in one language: the French text a requester wrote when there is one,
 * the English text otherwise; dates in the display zone with the zone named; prices as written in that language.
 */
public final class PublicText {

    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.CANADA);
    private static final DateTimeFormatter FR =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm z", Locale.CANADA_FRENCH);

    private PublicText() {}

    public static boolean french(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage());
    }

    public static String title(Opportunity o, Locale locale) {
        return french(locale) && present(o.getTitleFr()) ? o.getTitleFr() : o.getTitle();
    }

    /** Whether the title shown in this language is the English one although the page is French. */
    public static boolean titleInEnglish(Opportunity o, Locale locale) {
        return french(locale) && !present(o.getTitleFr());
    }

    public static String summary(Opportunity o, Locale locale) {
        return french(locale) && present(o.getSummaryFr()) ? o.getSummaryFr() : o.getSummary();
    }

    public static boolean summaryInEnglish(Opportunity o, Locale locale) {
        return french(locale) && !present(o.getSummaryFr());
    }

    /** Work acceptance criteria, one per line. */
    public static List<String> acceptanceCriteria(Opportunity o, Locale locale) {
        String text = french(locale) && present(o.getAcceptanceCriteriaFr())
                ? o.getAcceptanceCriteriaFr()
                : o.getAcceptanceCriteria();
        return OpportunityService.lines(text);
    }

    public static boolean acceptanceCriteriaInEnglish(Opportunity o, Locale locale) {
        return french(locale) && !present(o.getAcceptanceCriteriaFr());
    }

    /** Evaluation criteria with their ids, in French when every line has a translation. */
    public static List<EvaluationCriterion> evaluationCriteria(Opportunity o, Locale locale) {
        List<EvaluationCriterion> criteria = o.getEvaluationCriteria();
        if (!evaluationCriteriaTranslated(o, locale)) {
            return criteria;
        }
        List<String> fr = OpportunityService.lines(o.getEvaluationCriteriaFr());
        List<EvaluationCriterion> out = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            out.add(new EvaluationCriterion(criteria.get(i).getCriterionId(), fr.get(i)));
        }
        return out;
    }

    public static boolean evaluationCriteriaInEnglish(Opportunity o, Locale locale) {
        return french(locale) && !evaluationCriteriaTranslated(o, locale);
    }

    private static boolean evaluationCriteriaTranslated(Opportunity o, Locale locale) {
        return french(locale)
                && present(o.getEvaluationCriteriaFr())
                && OpportunityService.lines(o.getEvaluationCriteriaFr()).size()
                        == o.getEvaluationCriteria().size();
    }

    /** E.g. "March 9, 2026, 10:00 AM EDT" or "9 mars 2026 à 10 h 00 HAE". */
    public static String dateTime(OffsetDateTime time, Locale locale, ZoneId zone) {
        if (time == null) {
            return "";
        }
        return (french(locale) ? FR : EN).format(time.atZoneSameInstant(zone));
    }

    /** E.g. "$8,500.00" or "8 500,00 $". */
    public static String price(BigDecimal amount, Locale locale) {
        return NumberFormat.getCurrencyInstance(french(locale) ? Locale.CANADA_FRENCH : Locale.CANADA)
                .format(amount);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
