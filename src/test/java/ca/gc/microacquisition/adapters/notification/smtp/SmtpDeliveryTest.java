package ca.gc.microacquisition.adapters.notification.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessageView;
import ca.gc.microacquisition.adapters.notification.outbox.RecipientAddresses;
import ca.gc.microacquisition.subscription.SubscriptionService;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpDeliveryTest {

    /** Keeps what would go to the SMTP server. */
    static class CapturingSender extends JavaMailSenderImpl {
        final List<MimeMessage> sent = new ArrayList<>();

        @Override
        protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
            sent.addAll(List.of(mimeMessages));
        }
    }

    @Test
    void sendsPlainTextInUtf8WithOneClickUnsubscribeHeadersForSubscribers() throws Exception {
        CapturingSender mail = new CapturingSender();
        SubscriptionService subscriptions = Mockito.mock(SubscriptionService.class);
        Mockito.when(subscriptions.unsubscribeUrl("reader@example.com"))
                .thenReturn(Optional.of("https://example.gc.ca/fr/subscriptions/unsubscribe?token=abc"));
        SmtpDelivery delivery = new SmtpDelivery(
                mail,
                new RecipientAddresses(Mockito.mock(IdentityService.class)),
                subscriptions,
                "no-reply@example.gc.ca");

        delivery.deliver(new OutboxMessageView(
                UUID.randomUUID(),
                "reader@example.com",
                "fr",
                "Nouvelle occasion : Réparer l’accès",
                "Corps « accentué »",
                "MA-2026-0001",
                SubscriptionService.KIND_NEW_OPPORTUNITY,
                "smtp",
                Instant.now(),
                null));
        delivery.deliver(new OutboxMessageView(
                UUID.randomUUID(),
                "winner@example.com",
                "en",
                "Contract awarded",
                "Body",
                "MA-2026-0001",
                "AWARDED",
                "smtp",
                Instant.now(),
                null));

        assertThat(mail.sent).hasSize(2);
        MimeMessage news = mail.sent.get(0);
        assertThat(news.getSubject()).isEqualTo("Nouvelle occasion : Réparer l’accès");
        assertThat(news.getAllRecipients()[0].toString()).isEqualTo("reader@example.com");
        assertThat(news.getFrom()[0].toString()).isEqualTo("no-reply@example.gc.ca");
        assertThat(news.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<https://example.gc.ca/fr/subscriptions/unsubscribe?token=abc>");
        assertThat(news.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(news.getContent().toString()).isEqualTo("Corps « accentué »");
        assertThat(mail.sent.get(1).getHeader("List-Unsubscribe")).isNull();
    }
}
