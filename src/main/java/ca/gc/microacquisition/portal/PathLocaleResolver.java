package ca.gc.microacquisition.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page's language comes from its address: {@code /en/...} English, {@code /fr/...} French (Canada). Error pages
 * use the language of the address that failed; anything else is English.
 */
public class PathLocaleResolver implements LocaleResolver {

    public static final Locale ENGLISH = Locale.CANADA;
    public static final Locale FRENCH = Locale.CANADA_FRENCH;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return language(path).equals("fr") ? FRENCH : ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen by the address (/en/ or /fr/)");
    }

    /** "fr" for paths under /fr, "en" otherwise. */
    public static String language(String path) {
        return path != null && (path.equals("/fr") || path.startsWith("/fr/")) ? "fr" : "en";
    }
}
