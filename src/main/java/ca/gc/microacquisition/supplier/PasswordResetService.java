package ca.gc.microacquisition.supplier;

import static ca.gc.microacquisition.common.Times.utcNow;

import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password resets by e-mailed link. Asking for a reset answers the same whether or not an account exists for the
 * address (no account enumeration); a link works once, for an hour. Setting a new password voids every other
 * link of the account, and ends its portal sessions (they were signed in with the old password hash:
 * security.SupplierSessionCheck); the API's HTTP Basic sends the password on every call, so the old one stops at once.
 */
@Service
@Transactional
public class PasswordResetService {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final SupplierRepository suppliers;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final Notifier notifier;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    PasswordResetService(
            SupplierRepository suppliers,
            PasswordResetRepository resets,
            PasswordEncoder passwordEncoder,
            Notifier notifier,
            Clock clock,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl) {
        this.suppliers = suppliers;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.notifier = notifier;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** E-mails a reset link when an account exists for the address; does nothing visible otherwise. */
    public void requestReset(String email, String pageLanguage) {
        if (email == null || email.isBlank()) {
            return;
        }
        suppliers.findByEmail(email.strip().toLowerCase(Locale.ROOT)).ifPresent(s -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            resets.save(new PasswordReset(hash(token), s.getId(), now().plus(VALIDITY)));
            boolean fr = "fr".equals(s.getLanguage());
            String lang = fr ? "fr" : "en";
            String link = baseUrl + "/" + lang + "/password-reset/new?token=" + token;
            notifier.send(new Notification(
                    s.getEmail(),
                    lang,
                    fr ? "Réinitialiser votre mot de passe" : "Reset your password",
                    fr
                            ? "Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n" + link
                                    + "\n\nSi vous n'avez rien demandé, ignorez ce message ; votre mot de passe ne change pas."
                            : "To choose a new password, open this link within the hour:\n" + link
                                    + "\n\nIf you did not ask for this, ignore this message; your password stays the same.",
                    null,
                    "PASSWORD_RESET"));
        });
    }

    /** Whether a reset link is still usable. */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return valid(token)
                && resets.findById(hash(token)).map(r -> r.usable(now())).orElse(false);
    }

    /**
     * Sets a new password with a reset link; false when the link is unknown, used or expired.
     *
     * @throws ca.gc.microacquisition.common.DomainValidationException when the password is too short or too long
     */
    public boolean reset(String token, String newPassword) {
        Problems p = new Problems("The new password");
        SupplierService.checkPassword(p, "password", newPassword);
        p.throwIfAny();
        if (!valid(token)) {
            return false;
        }
        return resets.findById(hash(token))
                .filter(r -> r.usable(now()))
                .map(r -> {
                    UUID supplierId = r.getSupplierId();
                    resets.useAll(supplierId, now());
                    suppliers
                            .findById(supplierId)
                            .ifPresent(s -> s.changePassword(passwordEncoder.encode(newPassword)));
                    return true;
                })
                .orElse(false);
    }

    private static boolean valid(String token) {
        return token != null && token.matches("[0-9a-f]{64}");
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
