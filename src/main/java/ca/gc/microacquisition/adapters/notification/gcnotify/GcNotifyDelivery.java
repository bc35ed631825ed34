package ca.gc.microacquisition.adapters.notification.gcnotify;

import ca.gc.microacquisition.adapters.notification.outbox.MessageDelivery;
import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessageView;
import ca.gc.microacquisition.adapters.notification.outbox.RecipientAddresses;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;

/**
 * Sends stored messages through GC Notify, whose API is GOV.UK Notify's ({@code POST /v2/notifications/email},
 * JWT bearer signed with the API key), with GOV.UK Notify's Java client. One e-mail template per language whose
 * content is {@code ((subject))} and {@code ((body))}; the outbox message id is the notification's reference.
 *
 * <p>Settings: {@code app.gc-notify.api-url} (default {@code https://api.notification.canada.ca}),
 * {@code app.gc-notify.api-key} (the key as GC Notify shows it: name, service id and secret),
 * {@code app.gc-notify.template-en}, {@code app.gc-notify.template-fr} (template ids).
 */
@Component
@ConditionalOnProperty(name = "app.notify.channel", havingValue = "gc-notify")
public class GcNotifyDelivery implements MessageDelivery {

    private final NotificationClient client;
    private final RecipientAddresses addresses;
    private final String templateEn;
    private final String templateFr;

    public GcNotifyDelivery(
            RecipientAddresses addresses,
            @Value("${app.gc-notify.api-url:https://api.notification.canada.ca}") String apiUrl,
            @Value("${app.gc-notify.api-key}") String apiKey,
            @Value("${app.gc-notify.template-en}") String templateEn,
            @Value("${app.gc-notify.template-fr}") String templateFr) {
        this.client = new NotificationClient(apiKey, apiUrl);
        this.addresses = addresses;
        this.templateEn = templateEn;
        this.templateFr = templateFr;
    }

    @Override
    public String channel() {
        return "gc-notify";
    }

    @Override
    public void deliver(OutboxMessageView m) throws Exception {
        String to = addresses
                .emailOf(m.recipient())
                .orElseThrow(() -> new IllegalStateException("No e-mail address for " + m.recipient()));
        client.sendEmail(
                "fr".equals(m.language()) ? templateFr : templateEn,
                to,
                Map.of("subject", m.subject(), "body", m.body()),
                m.id().toString());
    }
}
