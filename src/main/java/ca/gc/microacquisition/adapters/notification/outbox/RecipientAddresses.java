package ca.gc.microacquisition.adapters.notification.outbox;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The e-mail address of a message's recipient: the recipient itself, or for staff ({@code user:<id>}) the e-mail of
 * that user in the Camunda identity service; empty when a staff user has no e-mail.
 */
@Component
public class RecipientAddresses {

    private final IdentityService identityService;

    public RecipientAddresses(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> emailOf(String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        if (recipient.startsWith("user:")) {
            User user = identityService
                    .createUserQuery()
                    .userId(recipient.substring(5))
                    .singleResult();
            return user == null || user.getEmail() == null || user.getEmail().isBlank()
                    ? Optional.empty()
                    : Optional.of(user.getEmail());
        }
        return Optional.of(recipient);
    }
}
