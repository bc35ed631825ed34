package ca.gc.microacquisition.adapters.notification.outbox;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores every notification in the outbox table, in the caller's transaction: a message exists exactly when the
 * change it reports was committed. With {@code app.notify.channel=outbox} (the embedded default) nothing is sent and
 * staff read the messages at {@code /staff/outbox}; with {@code smtp} or {@code gc-notify} the
 * {@link OutboxDispatcher} delivers the stored messages through that channel and marks them sent.
 *
 * <p>One-time secrets (the token of a password reset, subscription or unsubscribe link) are never stored readable:
 * the stored body has them hidden ({@link OneTimeSecrets}). For a real channel the full body is also stored sealed
 * ({@link BodySealer}) and erased once sent; with the {@code outbox} channel nothing is sent, so it is not kept.
 */
@Component
public class OutboxNotifier implements Notifier {

    public static final String CHANNEL = "outbox";

    private final OutboxMessageRepository messages;
    private final Clock clock;
    private final String channel;
    private final BodySealer sealer;

    public OutboxNotifier(
            OutboxMessageRepository messages,
            ObjectProvider<Clock> clock,
            @Value("${app.notify.channel:outbox}") String channel,
            BodySealer sealer) {
        this.messages = messages;
        this.sealer = sealer;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.channel = channel == null || channel.isBlank() ? CHANNEL : channel.strip();
    }

    /**
     * Joins the caller's transaction (or starts one when there is none).
     *
     * @throws IllegalArgumentException when the recipient, subject or body is missing or too long, or the language
     *                                  is neither en nor fr
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void send(Notification n) {
        if (n == null) {
            throw new IllegalArgumentException("A notification is required");
        }
        String recipient = required(n.recipient(), "recipient", OutboxMessage.MAX_RECIPIENT);
        String subject = required(n.subject(), "subject", OutboxMessage.MAX_SUBJECT);
        String body = required(n.body(), "body", OutboxMessage.MAX_BODY);
        String language = n.language() == null ? "en" : n.language().trim().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("fr")) {
            throw new IllegalArgumentException("A notification's language is en or fr, not " + n.language());
        }
        String kind =
                n.kind() == null || n.kind().isBlank() ? "GENERAL" : n.kind().trim();
        if (kind.length() > OutboxMessage.MAX_KIND) {
            throw new IllegalArgumentException(
                    "A notification's kind is at most " + OutboxMessage.MAX_KIND + " characters");
        }
        String reference = n.reference() == null || n.reference().isBlank()
                ? null
                : n.reference().trim();
        if (reference != null && reference.length() > OutboxMessage.MAX_REFERENCE) {
            throw new IllegalArgumentException(
                    "A notification's reference is at most " + OutboxMessage.MAX_REFERENCE + " characters");
        }
        String visible = OneTimeSecrets.redact(body);
        OutboxMessage message =
                new OutboxMessage(recipient, language, subject, visible, reference, kind, channel, Instant.now(clock));
        if (!visible.equals(body) && !CHANNEL.equals(channel)) {
            // a real channel will deliver it: keep the full body sealed until then (the outbox channel sends nothing)
            message.seal(sealer.seal(message.getId(), body));
        }
        messages.save(message);
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A notification needs a " + field);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("A notification's " + field + " is at most " + max + " characters");
        }
        return field.equals("body") ? value : value.trim();
    }
}
