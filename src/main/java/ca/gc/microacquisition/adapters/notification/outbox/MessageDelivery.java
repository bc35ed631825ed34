package ca.gc.microacquisition.adapters.notification.outbox;

/** Delivers one stored message through a real channel (SMTP, GC Notify); throws when it could not. */
public interface MessageDelivery {

    /** The value of {@code app.notify.channel} this delivery serves. */
    String channel();

    void deliver(OutboxMessageView message) throws Exception;
}
