package ca.gc.microacquisition.notification;

/**
 * A message for one person.
 *
 * @param recipient  an e-mail address (suppliers, subscribers) or a staff user id prefixed with {@code user:}
 * @param language   {@code en} or {@code fr}
 * @param subject    subject line in that language
 * @param body       plain-text body in that language
 * @param reference  the procurement reference it is about (MA-yyyy-nnnn), may be null
 * @param kind       a stable name of the message kind, e.g. PROPOSAL_RECEIVED, AWARDED, DEBRIEF
 */
public record Notification(
        String recipient, String language, String subject, String body, String reference, String kind) {}
