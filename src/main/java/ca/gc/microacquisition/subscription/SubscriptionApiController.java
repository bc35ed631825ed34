package ca.gc.microacquisition.subscription;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/subscriptions}: subscribe an address; the same answer whether or not it was subscribed. */
@RestController
class SubscriptionApiController {

    private final SubscriptionService subscriptions;

    SubscriptionApiController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionRequest(String email, String language) {}

    @PostMapping("/api/subscriptions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> subscribe(@RequestBody SubscriptionRequest body) {
        subscriptions.subscribe(body.email(), body.language() == null ? "en" : body.language());
        return Map.of(
                "status",
                "CONFIRMATION_SENT",
                "detail",
                "If the address can receive mail, a confirmation link was sent to it.");
    }
}
