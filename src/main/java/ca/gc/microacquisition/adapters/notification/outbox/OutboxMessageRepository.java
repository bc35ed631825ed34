package ca.gc.microacquisition.adapters.notification.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMessageRepository extends JpaRepository<OutboxMessage, UUID> {

    List<OutboxMessage> findByOrderByCreatedAtDesc(Pageable page);

    List<OutboxMessage> findByReferenceOrderByCreatedAtDesc(String reference);

    List<OutboxMessage> findByRecipientIgnoreCaseOrderByCreatedAtDesc(String recipient);

    List<OutboxMessage> findBySentAtIsNullOrderByCreatedAtAsc(Pageable page);

    List<OutboxMessage> findByChannelAndSentAtIsNullOrderByCreatedAtAsc(String channel, Pageable page);
}
