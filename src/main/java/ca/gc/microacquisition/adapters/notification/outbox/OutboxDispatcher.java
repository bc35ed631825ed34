package ca.gc.microacquisition.adapters.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's unsent messages through the configured channel, oldest first, and marks each one sent once its
 * channel accepted it. Storing stays in the transaction of the change; sending happens after commit, here. A message
 * that fails stays unsent and is tried again on the next round (at least once; a crash between sending and marking
 * can send a message twice). With the {@code outbox} channel there is no delivery and nothing happens.
 */
@Component
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH = 50;

    private final OutboxMessages outbox;
    private final MessageDelivery delivery;
    private final Clock clock;

    public OutboxDispatcher(
            OutboxMessages outbox,
            List<MessageDelivery> deliveries,
            @Value("${app.notify.channel:outbox}") String channel,
            ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.delivery = deliveries.stream()
                .filter(d -> d.channel().equals(channel))
                .findFirst()
                .orElse(null);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        if (delivery == null && !OutboxNotifier.CHANNEL.equals(channel == null ? "" : channel.strip())) {
            throw new IllegalStateException("app.notify.channel must be outbox, smtp or gc-notify, not " + channel);
        }
    }

    /** Every {@code app.notify.dispatch-interval} (10 seconds by default). */
    @Scheduled(fixedDelayString = "${app.notify.dispatch-interval:PT10S}")
    public void scheduled() {
        dispatch();
    }

    /** One round: returns how many messages were sent. */
    public int dispatch() {
        if (delivery == null) {
            return 0;
        }
        int sent = 0;
        for (OutboxMessageView m : outbox.unsent(delivery.channel(), BATCH)) {
            try {
                delivery.deliver(m);
                outbox.markSent(m.id(), Instant.now(clock));
                sent++;
            } catch (Exception e) {
                LOG.warn(
                        "Could not send message {} ({}) through {}: {}",
                        m.id(),
                        m.kind(),
                        delivery.channel(),
                        e.toString());
            }
        }
        return sent;
    }
}
