package ca.gc.microacquisition.publicsite;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.OpportunityView;
import ca.gc.microacquisition.opportunity.QuestionService;
import ca.gc.microacquisition.portal.InformationPages;
import ca.gc.microacquisition.portal.Links;
import ca.gc.microacquisition.portal.OpportunityFeed;
import ca.gc.microacquisition.portal.PortalPages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes the public site as static files to {@code app.public-site.export-dir}: the list and every opportunity page
 * in English and French, the terms, eligibility and how-it-works pages, the stylesheet, the JSON of the supplier
 * API ({@code opportunities.json}) and the Atom feed. Only public opportunities are written (never drafts, referred
 * requests or test opportunities); pages come from the same templates as the live site, so everything is escaped
 * the same way. Files are written to a fresh folder that then replaces the old one.
 */
@Service
public class PublicSiteExporter {

    private final OpportunityService opportunities;
    private final QuestionService questions;
    private final TemplateEngine templates;
    private final OpportunityFeed feed;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Path exportDir;
    private final String baseUrl;

    PublicSiteExporter(
            OpportunityService opportunities,
            QuestionService questions,
            TemplateEngine templates,
            OpportunityFeed feed,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            @Value("${app.public-site.export-dir:./data/public-site}") Path exportDir,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl) {
        this.opportunities = opportunities;
        this.questions = questions;
        this.templates = templates;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.exportDir = exportDir.toAbsolutePath().normalize();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Path exportDir() {
        return exportDir;
    }

    /** Writes the whole site; returns the folder. */
    @Transactional(readOnly = true)
    public synchronized Path export() throws IOException {
        Files.createDirectories(exportDir.getParent());
        Path staging = Files.createTempDirectory(exportDir.getParent(), ".public-site-");
        List<Opportunity> posted = opportunities.listPublic(true);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String lang : List.of("en", "fr")) {
            Locale locale = "fr".equals(lang) ? Locale.CANADA_FRENCH : Locale.CANADA;
            String other = "fr".equals(lang) ? "en" : "fr";
            Links links = Links.export(lang, "..", baseUrl);
            Context list = context(locale, links, links.homeIn(other));
            list.setVariables(PortalPages.listModel(posted, locale, zone, now));
            write(staging.resolve(lang).resolve("index.html"), templates.process("list", list));
            for (String page : InformationPages.PAGES) {
                Context information = context(locale, links, links.pageIn(other, page));
                information.setVariable("messages", InformationPages.messagePrefix(page));
                write(
                        staging.resolve(lang).resolve(page + ".html"),
                        templates.process(InformationPages.TEMPLATE, information));
            }
            Links deeper = Links.export(lang, "../..", baseUrl);
            for (Opportunity o : posted) {
                Context detail = context(locale, deeper, deeper.opportunityIn(other, o.getReference()));
                detail.setVariable("o", PortalPages.page(o, locale, zone, questions.publicQuestions(o.getId()), now));
                write(
                        staging.resolve(lang).resolve("opportunities").resolve(o.getReference() + ".html"),
                        templates.process("detail", detail));
            }
        }
        write(
                staging.resolve("index.html"),
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta http-equiv=\"refresh\" content=\"0; url=en/index.html\"><title>Micro-acquisition</title>"
                        + "</head><body><p><a href=\"en/index.html\">English</a> · "
                        + "<a href=\"fr/index.html\" lang=\"fr\">Français</a></p></body></html>");
        write(staging.resolve("opportunities.atom"), feed.atom("en"));
        write(staging.resolve("opportunities-fr.atom"), feed.atom("fr"));
        List<OpportunityView> views = posted.stream()
                .map(o -> OpportunityView.publicView(o, zone, questions.publicQuestions(o.getId())))
                .toList();
        write(
                staging.resolve("opportunities.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(views));
        try (InputStream css = new ClassPathResource("static/css/portal.css").getInputStream()) {
            Files.createDirectories(staging.resolve("css"));
            Files.copy(css, staging.resolve("css/portal.css"));
        }
        write(staging.resolve(".nojekyll"), "");
        replace(staging);
        return exportDir;
    }

    private Context context(Locale locale, Links links, String toggleHref) {
        Context c = new Context(locale);
        c.setVariables(Map.of(
                "lang",
                locale.getLanguage(),
                "links",
                links,
                "toggleHref",
                toggleHref,
                "signedIn",
                false,
                "signedOut",
                false));
        return c;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Swaps the staging folder in for the export folder, keeping a .git folder that is already there. */
    private void replace(Path staging) throws IOException {
        if (Files.exists(exportDir)) {
            Path git = exportDir.resolve(".git");
            if (Files.exists(git)) {
                Files.move(git, staging.resolve(".git"), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(exportDir);
        }
        Files.move(staging, exportDir, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
