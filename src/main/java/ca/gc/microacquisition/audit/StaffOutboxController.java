package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.notification.NotificationLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /staff/outbox}: the stored notifications, newest first, for staff (HTTP Basic, Camunda users). */
@Controller
class StaffOutboxController {

    private final NotificationLog outbox;

    StaffOutboxController(NotificationLog outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/staff/outbox")
    String outbox(
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String recipient,
            Model model) {
        model.addAttribute(
                "messages",
                reference != null && !reference.isBlank()
                        ? outbox.byReference(reference)
                        : recipient != null && !recipient.isBlank()
                                ? outbox.byRecipient(recipient)
                                : outbox.latest(200));
        model.addAttribute("reference", reference == null ? "" : reference);
        model.addAttribute("recipient", recipient == null ? "" : recipient);
        return "staff-outbox";
    }
}
