package ca.gc.microacquisition.supplier;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends a supplier a message in the supplier's language (English or French), from the texts of the notice bundle
 * (notices_en / notices_fr, {@link #sendNotice}): every supplier notice is there, in both languages.
 */
@Component
public class SupplierNotices {

    private final SupplierRepository suppliers;
    private final Notifier notifier;
    private final MessageSource texts;

    SupplierNotices(SupplierRepository suppliers, Notifier notifier, MessageSource texts) {
        this.suppliers = suppliers;
        this.notifier = notifier;
        this.texts = texts;
    }

    /**
     * Sends the notice whose subject and body are {@code notice.<text>.subject} and {@code notice.<text>.body} in
     * the notice bundle, in the supplier's language, with these arguments ({0}, {1}, ...); {@code kind} names the
     * notice in the outbox.
     */
    public void sendNotice(UUID supplierId, String reference, String kind, String text, Object... args) {
        suppliers.findById(supplierId).ifPresent(s -> {
            boolean fr = "fr".equals(s.getLanguage());
            Locale locale = fr ? Locale.FRENCH : Locale.ENGLISH;
            notifier.send(new Notification(
                    s.getEmail(),
                    fr ? "fr" : "en",
                    texts.getMessage("notice." + text + ".subject", args, locale),
                    texts.getMessage("notice." + text + ".body", args, locale),
                    reference,
                    kind));
        });
    }
}
