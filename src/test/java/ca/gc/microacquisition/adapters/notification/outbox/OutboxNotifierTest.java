package ca.gc.microacquisition.adapters.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class OutboxNotifierTest {

    @Autowired
    Notifier notifier;

    @Autowired
    OutboxMessages outbox;

    @Autowired
    TransactionTemplate transactions;

    private static String newReference() {
        return "MA-2026-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theOutboxIsTheDefaultChannel() {
        assertThat(notifier).isInstanceOf(OutboxNotifier.class);
    }

    @Test
    void storesTheMessageWhenTheCallersTransactionCommits() {
        String reference = newReference();

        transactions.executeWithoutResult(status -> notifier.send(new Notification(
                "Supplier@Example.org",
                "fr",
                "Contrat attribué",
                "Bonjour,\nvotre proposition a été retenue.",
                reference,
                "AWARDED")));

        assertThat(outbox.byReference(reference)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("Supplier@Example.org");
            assertThat(m.language()).isEqualTo("fr");
            assertThat(m.subject()).isEqualTo("Contrat attribué");
            assertThat(m.body()).isEqualTo("Bonjour,\nvotre proposition a été retenue.");
            assertThat(m.kind()).isEqualTo("AWARDED");
            assertThat(m.channel()).isEqualTo("outbox");
            assertThat(m.createdAt()).isNotNull();
            assertThat(m.sentAt()).isNull();
        });
        assertThat(outbox.byRecipient("supplier@example.org"))
                .extracting(OutboxMessageView::reference)
                .contains(reference);
        assertThat(outbox.latest(5)).extracting(OutboxMessageView::reference).contains(reference);
    }

    @Test
    void storesNothingWhenTheCallersTransactionRollsBack() {
        String reference = newReference();

        transactions.executeWithoutResult(status -> {
            notifier.send(new Notification(
                    "user:requester", "en", "Proposal received", "One proposal.", reference, "PROPOSAL_RECEIVED"));
            status.setRollbackOnly();
        });

        assertThat(outbox.byReference(reference)).isEmpty();
    }

    @Test
    void latestIsNewestFirstAndSentMessagesLeaveTheUnsentList() {
        String reference = newReference();
        notifier.send(new Notification("a@example.org", "en", "First", "1", reference, "DEBRIEF"));
        notifier.send(new Notification("b@example.org", "en", "Second", "2", reference, "DEBRIEF"));

        assertThat(outbox.byReference(reference))
                .extracting(OutboxMessageView::subject)
                .containsExactly("Second", "First");
        OutboxMessageView first = outbox.byReference(reference).get(1);
        assertThat(outbox.unsent(OutboxMessages.MAX_LIMIT))
                .extracting(OutboxMessageView::id)
                .contains(first.id());

        outbox.markSent(first.id(), Instant.parse("2026-01-05T15:00:00Z"));

        assertThat(outbox.get(first.id()).orElseThrow().sentAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));
        assertThat(outbox.unsent(OutboxMessages.MAX_LIMIT))
                .extracting(OutboxMessageView::id)
                .doesNotContain(first.id());
    }

    @Test
    void rejectsIncompleteMessages() {
        assertThatThrownBy(() -> notifier.send(new Notification(" ", "en", "s", "b", null, "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient");
        assertThatThrownBy(() -> notifier.send(new Notification("a@example.org", "de", "s", "b", null, "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en or fr");
        assertThatThrownBy(() -> notifier.send(new Notification("a@example.org", "en", "s", null, null, "X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }
}
