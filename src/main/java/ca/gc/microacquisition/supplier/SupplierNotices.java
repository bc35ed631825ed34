package ca.gc.microacquisition.supplier;

import java.util.UUID;

import org.springframework.stereotype.Component;

import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;

/** Sends a supplier a message in the supplier's language (English or French). */
@Component
public class SupplierNotices {

    private final SupplierRepository suppliers;
    private final Notifier notifier;

    SupplierNotices(SupplierRepository suppliers, Notifier notifier) {
        this.suppliers = suppliers;
        this.notifier = notifier;
    }

    public void send(UUID supplierId, String reference, String kind, String subjectEn, String bodyEn,
                     String subjectFr, String bodyFr) {
        suppliers.findById(supplierId).ifPresent(s -> {
            boolean fr = "fr".equals(s.getLanguage());
            notifier.send(new Notification(s.getEmail(), fr ? "fr" : "en", fr ? subjectFr : subjectEn,
                    fr ? bodyFr : bodyEn, reference, kind));
        });
    }
}
