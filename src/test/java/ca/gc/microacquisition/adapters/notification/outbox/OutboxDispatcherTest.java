package ca.gc.microacquisition.adapters.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import ca.gc.microacquisition.notification.Notification;

/** The dispatcher sends unsent messages of its channel and marks them sent; a failure leaves them for the next round. */
@org.springframework.boot.test.context.SpringBootTest
@org.springframework.test.context.ActiveProfiles("test")
class OutboxDispatcherTest {

    @Autowired
    OutboxMessages outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxMessageRepository repository;
    @Autowired
    ObjectProvider<java.time.Clock> clock;

    static class Recording implements MessageDelivery {
        final List<OutboxMessageView> delivered = new ArrayList<>();
        boolean fail;

        @Override
        public String channel() {
            return "smtp";
        }

        @Override
        public void deliver(OutboxMessageView message) {
            if (fail) {
                throw new IllegalStateException("SMTP server down");
            }
            delivered.add(message);
        }
    }

    @Test
    void sendsStoredMessagesOfItsChannelOnceAndRetriesFailures() {
        OutboxNotifier smtpNotifier = new OutboxNotifier(repository, clock, "smtp");
        String reference = "MA-2026-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(s -> smtpNotifier.send(new Notification("a@example.com", "en", "Subject",
                "Body", reference, "AWARDED")));
        Recording delivery = new Recording();
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, List.of(delivery), "smtp", clock);

        delivery.fail = true;
        dispatcher.dispatch();
        assertThat(outbox.byReference(reference)).singleElement().satisfies(m -> assertThat(m.sentAt()).isNull());

        delivery.fail = false;
        dispatcher.dispatch();
        dispatcher.dispatch();
        assertThat(delivery.delivered).filteredOn(m -> reference.equals(m.reference())).hasSize(1);
        assertThat(outbox.byReference(reference)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo("smtp");
            assertThat(m.sentAt()).isNotNull();
        });
    }

    @Test
    void theOutboxChannelSendsNothing() {
        Recording delivery = new Recording();
        assertThat(new OutboxDispatcher(outbox, List.of(delivery), "outbox", clock).dispatch()).isZero();
    }
}
