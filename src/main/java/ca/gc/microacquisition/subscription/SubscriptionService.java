package ca.gc.microacquisition.subscription;

import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.OpportunityStateChanged;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.opportunity.PublicText;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail subscriptions to new opportunities: double opt-in (a confirmation link is e-mailed), a one-click
 * unsubscribe link in every message, and a message in the subscriber's language when an opportunity is posted.
 * Answers never reveal whether an address was already subscribed.
 */
@Service
@Transactional
public class SubscriptionService {

    /** Message kinds (the SMTP channel adds a List-Unsubscribe header to these). */
    public static final String KIND_CONFIRM = "SUBSCRIPTION_CONFIRM";

    public static final String KIND_NEW_OPPORTUNITY = "NEW_OPPORTUNITY";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SubscriptionRepository subscriptions;
    private final OpportunityService opportunities;
    private final Notifier notifier;
    private final Clock clock;
    private final String baseUrl;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    SubscriptionService(
            SubscriptionRepository subscriptions,
            OpportunityService opportunities,
            Notifier notifier,
            Clock clock,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl,
            ZoneId zone) {
        this.subscriptions = subscriptions;
        this.opportunities = opportunities;
        this.notifier = notifier;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.zone = zone;
    }

    /**
     * Asks for a subscription: a confirmation link goes to the address (again, with a new link, when it is still
     * pending or was unsubscribed). An address already confirmed gets nothing new; the caller's answer is the same.
     */
    public void subscribe(String email, String language) {
        Problems p = new Problems("The subscription");
        String address = p.text("email", email, 3, 254);
        if (address != null && !p.has("email") && !EMAIL.matcher(address).matches()) {
            p.add("email", "must be an e-mail address such as name@example.com");
        }
        String lang = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (!"en".equals(lang) && !"fr".equals(lang)) {
            p.add("language", "must be en or fr");
        }
        p.throwIfAny();
        String normalised = address.toLowerCase(Locale.ROOT);
        Optional<Subscription> existing = subscriptions.findByEmail(normalised);
        if (existing.isPresent() && existing.get().getStatus() == Subscription.Status.CONFIRMED) {
            return;
        }
        Subscription s = existing.orElseGet(() -> new Subscription(normalised, lang, newToken(), now()));
        if (existing.isPresent()) {
            s.renew(lang, newToken());
        }
        subscriptions.save(s);
        boolean fr = "fr".equals(lang);
        String confirm = baseUrl + "/" + lang + "/subscriptions/confirm?token=" + s.getToken();
        notifier.send(new Notification(
                normalised,
                lang,
                fr
                        ? "Confirmez votre abonnement aux occasions de micro-acquisition"
                        : "Confirm your subscription to micro-acquisition opportunities",
                fr
                        ? "Pour recevoir un courriel à chaque nouvelle occasion, confirmez votre abonnement :\n"
                                + confirm
                                + "\n\nSi vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien d'autre."
                        : "To receive an e-mail for each new opportunity, confirm your subscription:\n" + confirm
                                + "\n\nIf you did not ask for this, ignore this message: you will receive nothing else.",
                null,
                KIND_CONFIRM));
    }

    /** Confirms the subscription of the link's token; false when the link is unknown (or was replaced). */
    public boolean confirm(String token) {
        return find(token)
                .map(s -> {
                    if (s.getStatus() == Subscription.Status.PENDING) {
                        s.confirm(now());
                    }
                    return s.getStatus() == Subscription.Status.CONFIRMED;
                })
                .orElse(false);
    }

    /** One-click unsubscribe; false when the link is unknown. */
    public boolean unsubscribe(String token) {
        return find(token)
                .map(s -> {
                    if (s.getStatus() != Subscription.Status.UNSUBSCRIBED) {
                        s.unsubscribe(now());
                    }
                    return true;
                })
                .orElse(false);
    }

    /** The unsubscribe link of an address, if it has a subscription (for the List-Unsubscribe header). */
    @Transactional(readOnly = true)
    public Optional<String> unsubscribeUrl(String email) {
        return subscriptions
                .findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .map(this::unsubscribeUrl);
    }

    /** Tells every confirmed subscriber of a newly posted opportunity, in the subscriber's language. */
    @EventListener
    public void onStateChanged(OpportunityStateChanged event) {
        // a repost (OPEN again after closing) is not a new opportunity
        if (event.status() != OpportunityStatus.OPEN || event.previous() != OpportunityStatus.DRAFT || event.test()) {
            return;
        }
        Opportunity o = opportunities.get(event.opportunityId());
        for (Subscription s : subscriptions.findByStatus(Subscription.Status.CONFIRMED)) {
            notifier.send(newOpportunity(o, s));
        }
    }

    private Notification newOpportunity(Opportunity o, Subscription s) {
        boolean fr = "fr".equals(s.getLanguage());
        Locale locale = fr ? Locale.CANADA_FRENCH : Locale.CANADA;
        String title = PublicText.title(o, locale);
        String link = baseUrl + "/" + s.getLanguage() + "/opportunities/" + o.getReference();
        String deadline = PublicText.dateTime(o.getProposalDeadline(), locale, zone);
        String price = PublicText.price(o.getPrice(), locale);
        String body = fr
                ? "Nouvelle occasion : " + title + " (" + o.getReference() + ")\n\n" + PublicText.summary(o, locale)
                        + "\n\nPrix fixe : " + price + ", taxes comprises\nDate limite : " + deadline + "\n\n" + link
                        + "\n\nPour vous désabonner en un clic : " + unsubscribeUrl(s)
                : "New opportunity: " + title + " (" + o.getReference() + ")\n\n" + PublicText.summary(o, locale)
                        + "\n\nFixed price: " + price + ", taxes included\nDeadline: " + deadline + "\n\n" + link
                        + "\n\nUnsubscribe with one click: " + unsubscribeUrl(s);
        return new Notification(
                s.getEmail(),
                s.getLanguage(),
                (fr ? "Nouvelle occasion : " : "New opportunity: ") + title,
                body,
                o.getReference(),
                KIND_NEW_OPPORTUNITY);
    }

    private String unsubscribeUrl(Subscription s) {
        return baseUrl + "/" + s.getLanguage() + "/subscriptions/unsubscribe?token=" + s.getToken();
    }

    private Optional<Subscription> find(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return subscriptions.findByToken(token);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
