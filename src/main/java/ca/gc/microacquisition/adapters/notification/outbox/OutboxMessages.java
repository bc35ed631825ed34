package ca.gc.microacquisition.adapters.notification.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the notification outbox (newest first), for staff screens and for a sender that delivers the messages.
 * Staff reads ({@link #latest}, {@link #byReference}, {@link #byRecipient}, {@link #get}) show the stored body, in
 * which one-time secrets are hidden; only {@code unsent(...)}, for the sender, opens the sealed full body.
 */
@Service
@Transactional(readOnly = true)
public class OutboxMessages {

    /** The most messages one call returns. */
    public static final int MAX_LIMIT = 500;

    private final OutboxMessageRepository messages;
    private final BodySealer sealer;

    public OutboxMessages(OutboxMessageRepository messages, BodySealer sealer) {
        this.messages = messages;
        this.sealer = sealer;
    }

    /** The {@code limit} most recent messages (1 to {@value #MAX_LIMIT}). */
    public List<OutboxMessageView> latest(int limit) {
        return messages.findByOrderByCreatedAtDesc(PageRequest.of(0, clamp(limit))).stream()
                .map(OutboxMessageView::of)
                .toList();
    }

    /** Every message about a procurement reference (MA-yyyy-nnnn). */
    public List<OutboxMessageView> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return List.of();
        }
        return messages.findByReferenceOrderByCreatedAtDesc(reference.trim()).stream()
                .map(OutboxMessageView::of)
                .toList();
    }

    /** Every message to one recipient (e-mail address, case-insensitive, or {@code user:<id>}). */
    public List<OutboxMessageView> byRecipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return List.of();
        }
        return messages.findByRecipientIgnoreCaseOrderByCreatedAtDesc(recipient.trim()).stream()
                .map(OutboxMessageView::of)
                .toList();
    }

    public Optional<OutboxMessageView> get(UUID id) {
        return messages.findById(id).map(OutboxMessageView::of);
    }

    /** The oldest messages not sent yet, for a sender: with their full bodies (one-time links included). */
    public List<OutboxMessageView> unsent(int limit) {
        return messages.findBySentAtIsNullOrderByCreatedAtAsc(PageRequest.of(0, clamp(limit))).stream()
                .map(this::forDelivery)
                .toList();
    }

    /** The oldest messages stored for one channel and not sent yet, for its sender: with their full bodies. */
    public List<OutboxMessageView> unsent(String channel, int limit) {
        return messages
                .findByChannelAndSentAtIsNullOrderByCreatedAtAsc(channel, PageRequest.of(0, clamp(limit)))
                .stream()
                .map(this::forDelivery)
                .toList();
    }

    /** The message as it must be sent: its sealed full body when there is one that opens, else the stored body. */
    private OutboxMessageView forDelivery(OutboxMessage m) {
        OutboxMessageView view = OutboxMessageView.of(m);
        if (m.sealedBody() == null) {
            return view;
        }
        String full = sealer.open(m.getId(), m.sealedBody());
        return full == null
                ? view
                : new OutboxMessageView(
                        view.id(),
                        view.recipient(),
                        view.language(),
                        view.subject(),
                        full,
                        view.reference(),
                        view.kind(),
                        view.channel(),
                        view.createdAt(),
                        view.sentAt());
    }

    /** Records that a sender delivered the message. */
    @Transactional
    public void markSent(UUID id, Instant sentAt) {
        messages.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("No outbox message " + id))
                .markSent(sentAt);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
