package ca.gc.microacquisition.adapters.notification.smtp;

import ca.gc.microacquisition.adapters.notification.outbox.MessageDelivery;
import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessageView;
import ca.gc.microacquisition.adapters.notification.outbox.RecipientAddresses;
import ca.gc.microacquisition.subscription.SubscriptionService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends stored messages as plain-text e-mail through Spring Mail ({@code spring.mail.host}, {@code .port},
 * {@code .username}, {@code .password}); messages to subscribers carry {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post} headers (one-click unsubscribe, RFC 8058).
 */
@Component
@ConditionalOnProperty(name = "app.notify.channel", havingValue = "smtp")
public class SmtpDelivery implements MessageDelivery {

    private final JavaMailSender mail;
    private final RecipientAddresses addresses;
    private final SubscriptionService subscriptions;
    private final String from;

    public SmtpDelivery(
            JavaMailSender mail,
            RecipientAddresses addresses,
            SubscriptionService subscriptions,
            @Value("${app.notify.from:micro-acquisition@localhost}") String from) {
        this.mail = mail;
        this.addresses = addresses;
        this.subscriptions = subscriptions;
        this.from = from;
    }

    @Override
    public String channel() {
        return "smtp";
    }

    @Override
    public void deliver(OutboxMessageView m) throws Exception {
        String to = addresses
                .emailOf(m.recipient())
                .orElseThrow(() -> new IllegalStateException("No e-mail address for " + m.recipient()));
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        message.setHeader("Content-Language", m.language());
        if (SubscriptionService.KIND_NEW_OPPORTUNITY.equals(m.kind())) {
            subscriptions.unsubscribeUrl(to).ifPresent(url -> {
                try {
                    message.setHeader("List-Unsubscribe", "<" + url + ">");
                    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        mail.send(message);
    }
}
