package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.PublicText;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Atom feed of posted opportunities (newest first), in English or French; ROME escapes every text. */
@Component
public class OpportunityFeed {

    static final int MAX_ENTRIES = 100;

    private final OpportunityService opportunities;
    private final MessageSource messages;
    private final String baseUrl;
    private final ZoneId zone;

    OpportunityFeed(
            OpportunityService opportunities,
            MessageSource messages,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl,
            ZoneId zone) {
        this.opportunities = opportunities;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.zone = zone;
    }

    public String atom(String lang) {
        Locale locale = "fr".equals(lang) ? PathLocaleResolver.FRENCH : PathLocaleResolver.ENGLISH;
        String language = locale.getLanguage();
        List<Opportunity> posted = opportunities.listPublic(true);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(messages.getMessage("site.name", null, locale));
        feed.setDescription(messages.getMessage("feed.description", null, locale));
        feed.setUri(baseUrl + "/opportunities.atom" + ("fr".equals(language) ? "?lang=fr" : ""));
        feed.setLink(baseUrl + "/" + language + "/");
        feed.setLanguage(language);
        feed.setPublishedDate(
                posted.isEmpty()
                        ? new Date(0)
                        : Date.from(posted.get(0).getPostedAt().toInstant()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Opportunity o : posted.stream().limit(MAX_ENTRIES).toList()) {
            SyndEntry e = new SyndEntryImpl();
            String status = messages.getMessage("status." + o.getStatus().name(), null, locale);
            e.setTitle(PublicText.title(o, locale) + " — " + status);
            String link = baseUrl + "/" + language + "/opportunities/" + o.getReference();
            e.setLink(link);
            e.setUri("urn:micro-acquisition:" + o.getReference());
            e.setPublishedDate(Date.from(o.getPostedAt().toInstant()));
            e.setUpdatedDate(Date.from(latest(o).toInstant()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(PublicText.summary(o, locale) + "\n"
                    + messages.getMessage("detail.price", null, locale) + " " + PublicText.price(o.getPrice(), locale)
                    + "\n" + messages.getMessage("detail.deadline", null, locale) + " "
                    + PublicText.dateTime(o.getProposalDeadline(), locale, zone));
            e.setDescription(summary);
            SyndLink alternate = new SyndLinkImpl();
            alternate.setHref(link);
            alternate.setRel("alternate");
            alternate.setType("text/html");
            e.setLinks(List.of(alternate));
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            StringWriter out = new StringWriter();
            new SyndFeedOutput().output(feed, out);
            return out.toString();
        } catch (IOException | FeedException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
    }

    private static java.time.OffsetDateTime latest(Opportunity o) {
        java.time.OffsetDateTime t = o.getPostedAt();
        for (java.time.OffsetDateTime x : new java.time.OffsetDateTime[] {
            o.getClosedAt(), o.getAwardedAt(), o.getCompletedAt(), o.getCancelledAt()
        }) {
            if (x != null && x.isAfter(t)) {
                t = x;
            }
        }
        return t;
    }
}
