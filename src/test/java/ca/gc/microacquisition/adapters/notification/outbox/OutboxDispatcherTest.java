package ca.gc.microacquisition.adapters.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.notification.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Autowired
    BodySealer sealer;

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
        OutboxNotifier smtpNotifier = new OutboxNotifier(repository, clock, "smtp", sealer);
        String reference = "MA-2026-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(s ->
                smtpNotifier.send(new Notification("a@example.com", "en", "Subject", "Body", reference, "AWARDED")));
        Recording delivery = new Recording();
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, List.of(delivery), "smtp", clock);

        delivery.fail = true;
        dispatcher.dispatch();
        assertThat(outbox.byReference(reference))
                .singleElement()
                .satisfies(m -> assertThat(m.sentAt()).isNull());

        delivery.fail = false;
        dispatcher.dispatch();
        dispatcher.dispatch();
        assertThat(delivery.delivered)
                .filteredOn(m -> reference.equals(m.reference()))
                .hasSize(1);
        assertThat(outbox.byReference(reference)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo("smtp");
            assertThat(m.sentAt()).isNotNull();
        });
    }

    @Test
    void aOneTimeLinkIsHiddenFromStaffSentInFullAndThenErased() {
        OutboxNotifier smtpNotifier = new OutboxNotifier(repository, clock, "smtp", sealer);
        String reference = "MA-2026-" + UUID.randomUUID().toString().substring(0, 8);
        String token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        String body = "Reset: https://example.gc.ca/en/password-reset/new?token=" + token + "\nBye";
        transactions.executeWithoutResult(s ->
                smtpNotifier.send(new Notification("b@example.com", "en", "Reset", body, reference, "PASSWORD_RESET")));

        OutboxMessageView staffView = outbox.byReference(reference).get(0);
        assertThat(staffView.body())
                .doesNotContain(token)
                .contains("?token=" + OneTimeSecrets.HIDDEN)
                .endsWith("Bye");
        OutboxMessage stored = repository.findById(staffView.id()).orElseThrow();
        assertThat(stored.getBody()).doesNotContain(token);
        assertThat(stored.sealedBody()).isNotBlank().doesNotContain(token);

        Recording delivery = new Recording();
        new OutboxDispatcher(outbox, List.of(delivery), "smtp", clock).dispatch();
        assertThat(delivery.delivered)
                .filteredOn(m -> reference.equals(m.reference()))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo(body));
        assertThat(repository.findById(staffView.id()).orElseThrow().sealedBody())
                .isNull();
        assertThat(outbox.byReference(reference).get(0).body()).doesNotContain(token);
    }

    @Test
    void aSealedBodyOpensOnlyWithItsKeyAndOnItsOwnMessage() {
        UUID id = UUID.randomUUID();
        String sealed = sealer.seal(id, "secret ?token=abc");
        assertThat(sealer.open(id, sealed)).isEqualTo("secret ?token=abc");
        assertThat(sealer.open(UUID.randomUUID(), sealed)).isNull();
        assertThat(new BodySealer("").open(id, sealed)).isNull();
        assertThat(new BodySealer(java.util.Base64.getEncoder().encodeToString(new byte[32])).open(id, sealed))
                .isNull();
    }

    @Test
    void theOutboxChannelSendsNothing() {
        Recording delivery = new Recording();
        assertThat(new OutboxDispatcher(outbox, List.of(delivery), "outbox", clock).dispatch())
                .isZero();
    }
}
