package ca.gc.microacquisition.portal;

/**
 * Every address a page links to, so that the same templates serve the live site and the static export.
 * Live: absolute paths ({@code /en/opportunities/MA-2026-0001}). Export: paths relative to the page
 * ({@code ../opportunities/MA-2026-0001.html}) for the pages the export holds, and the live site's address for the
 * pages that need the service (sign in, propose, ask, subscribe).
 *
 * @param lang     en or fr
 * @param root     prefix of the site's own pages: "" live, "../.." (etc.) in the export
 * @param live     the live service's address for dynamic pages: "" live, the public base URL in the export
 * @param suffix   "" live, ".html" in the export
 * @param exported whether these links are for the static export
 */
public record Links(String lang, String root, String live, String suffix, boolean exported) {

    public static Links live(String lang) {
        return new Links(lang, "", "", "", false);
    }

    public static Links export(String lang, String root, String baseUrl) {
        return new Links(lang, root, baseUrl, ".html", true);
    }

    public String other() {
        return "fr".equals(lang) ? "en" : "fr";
    }

    public String home() {
        return exported ? root + "/" + lang + "/index.html" : "/" + lang + "/";
    }

    public String homeIn(String language) {
        return exported ? root + "/" + language + "/index.html" : "/" + language + "/";
    }

    public String opportunity(String ref) {
        return root + "/" + lang + "/opportunities/" + ref + suffix;
    }

    public String opportunityIn(String language, String ref) {
        return root + "/" + language + "/opportunities/" + ref + suffix;
    }

    /** Terms, eligibility, how-it-works: exported too. */
    public String page(String name) {
        return root + "/" + lang + "/" + name + suffix;
    }

    public String pageIn(String language, String name) {
        return root + "/" + language + "/" + name + suffix;
    }

    public String css() {
        return root + "/css/portal.css";
    }

    public String feed() {
        return exported ? root + "/opportunities.atom" : "/opportunities.atom" + ("fr".equals(lang) ? "?lang=fr" : "");
    }

    public String json() {
        return exported ? root + "/opportunities.json" : "/api/opportunities?status=all";
    }

    /** A page of the service (forms, account): always on the live site. */
    public String app(String path) {
        return live + "/" + lang + "/" + path;
    }

    public String propose(String ref) {
        return app("opportunities/" + ref + "/propose");
    }

    public String ask(String ref) {
        return app("opportunities/" + ref + "/questions");
    }

    public String signInAction() {
        return live + "/sign-in";
    }

    public String signOutAction() {
        return live + "/sign-out";
    }
}
