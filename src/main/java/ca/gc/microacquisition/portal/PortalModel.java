package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.supplier.SupplierPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page needs: its language, links, the same page in the other language, who is signed in. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("links")
    Links links(Locale locale) {
        return Links.live(locale.getLanguage());
    }

    /** This page's address in the other language (same path and query, other prefix). */
    @ModelAttribute("toggleHref")
    String toggle(HttpServletRequest request, Locale locale) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String other = "fr".equals(locale.getLanguage()) ? "en" : "fr";
        String rest =
                path.length() >= 3 && (path.startsWith("/en") || path.startsWith("/fr")) ? path.substring(3) : "/";
        if (rest.isEmpty()) {
            rest = "/";
        }
        String query = request.getQueryString();
        return request.getContextPath() + "/" + other + rest + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("signedIn")
    boolean signedIn(@AuthenticationPrincipal SupplierPrincipal me) {
        return me != null;
    }

    /** The same attributes, for pages rendered outside a handler method (error pages). */
    static void fill(org.springframework.ui.Model model, HttpServletRequest request, Locale locale) {
        PortalModel m = new PortalModel();
        model.addAttribute("lang", m.lang(locale));
        model.addAttribute("links", m.links(locale));
        model.addAttribute("toggleHref", m.toggle(request, locale));
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        model.addAttribute("signedIn", auth != null && auth.getPrincipal() instanceof SupplierPrincipal);
    }
}
