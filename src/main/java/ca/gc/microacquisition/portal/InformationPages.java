package ca.gc.microacquisition.portal;

import java.util.List;
import java.util.Map;

/** The portal's information pages: one template, each page's texts under its own message prefix. */
public final class InformationPages {

    public static final String TEMPLATE = "info";

    /** Page names as they appear in URLs and in the static export. */
    public static final List<String> PAGES = List.of("terms", "eligibility", "how-it-works");

    private static final Map<String, String> PREFIXES =
            Map.of("terms", "terms", "eligibility", "eligibility", "how-it-works", "how");

    private InformationPages() {}

    public static String messagePrefix(String page) {
        String prefix = PREFIXES.get(page);
        if (prefix == null) {
            throw new IllegalArgumentException("No information page " + page);
        }
        return prefix;
    }
}
