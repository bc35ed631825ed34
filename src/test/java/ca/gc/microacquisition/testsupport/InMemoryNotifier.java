package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps sent notifications in memory. */
public class InMemoryNotifier implements Notifier {

    private final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Notification notification) {
        sent.add(notification);
    }

    public List<Notification> sent() {
        return List.copyOf(sent);
    }

    public List<Notification> to(String recipient) {
        return sent.stream()
                .filter(n -> n.recipient().equalsIgnoreCase(recipient))
                .toList();
    }

    public void clear() {
        sent.clear();
    }
}
