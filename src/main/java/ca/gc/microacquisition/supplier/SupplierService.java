package ca.gc.microacquisition.supplier;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.NotFoundException;
import ca.gc.microacquisition.common.Problems;
import ca.gc.microacquisition.notification.Notification;
import ca.gc.microacquisition.notification.Notifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supplier accounts. */
@Service
@Transactional
public class SupplierService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SupplierRepository suppliers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Notifier notifier;

    SupplierService(SupplierRepository suppliers, PasswordEncoder passwordEncoder, Clock clock, Notifier notifier) {
        this.suppliers = suppliers;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.notifier = notifier;
    }

    /**
     * Registration as the portal and the API offer it: the answer never tells whether the address already had an
     * account (no account enumeration). For a new address the account is created and its id returned; for a known
     * one nothing changes, the owner is e-mailed that someone tried to register the address, and a random id (that
     * names nothing) is returned, after the same password hashing work as a new account.
     *
     * @throws ca.gc.microacquisition.common.DomainValidationException when the registration is invalid
     */
    public UUID registerOrTellOwner(SupplierRegistration r) {
        try {
            return register(r).getId();
        } catch (ConflictException exists) {
            passwordEncoder.encode(r.password());
            suppliers.findByEmail(r.email().strip().toLowerCase(Locale.ROOT)).ifPresent(owner -> {
                boolean fr = "fr".equals(owner.getLanguage());
                notifier.send(new Notification(
                        owner.getEmail(),
                        fr ? "fr" : "en",
                        fr ? "Vous avez déjà un compte" : "You already have an account",
                        fr
                                ? "Quelqu'un a tenté de créer un compte avec cette adresse, qui en a déjà un. Si c'était "
                                        + "vous, connectez-vous ou réinitialisez votre mot de passe. Sinon, ignorez ce message ;"
                                        + " rien n'a changé dans votre compte."
                                : "Someone tried to register this address, which already has an account. If it was "
                                        + "you, sign in or reset your password. Otherwise, ignore this message; nothing "
                                        + "changed in your account.",
                        null,
                        "ACCOUNT_EXISTS"));
            });
            return UUID.randomUUID();
        }
    }

    /**
     * Creates an account. Declarations are recorded as given; a supplier whose declarations are not all
     * satisfied may register but cannot send a proposal.
     */
    public Supplier register(SupplierRegistration r) {
        Problems p = new Problems("The registration");
        if (r == null) {
            p.add("registration", "is required").throwIfAny();
        }
        String email = p.text("email", r.email(), 3, 254);
        if (email != null && !p.has("email") && !EMAIL.matcher(email).matches()) {
            p.add("email", "must be an e-mail address such as name@example.com");
        }
        checkPassword(p, "password", r.password());
        String displayName = p.text("displayName", r.displayName(), 1, 200);
        String language = r.language() == null ? null : r.language().strip().toLowerCase(Locale.ROOT);
        if (!"en".equals(language) && !"fr".equals(language)) {
            p.add("language", "must be en or fr");
        }
        ResidencyStatus status = null;
        SupplierRegistration.Declarations d = r.declarations();
        if (d == null) {
            p.add("declarations", "are required (ageOfMajority, status, canAcceptCardOrPayPal)");
        } else {
            if (d.ageOfMajority() == null) {
                p.add("declarations.ageOfMajority", "is required (true or false)");
            }
            if (d.canAcceptCardOrPayPal() == null) {
                p.add("declarations.canAcceptCardOrPayPal", "is required (true or false)");
            }
            if (d.status() == null || d.status().isBlank()) {
                p.add("declarations.status", "is required (CITIZEN, INDIGENOUS, PERMANENT_RESIDENT or WORK_PERMIT)");
            } else {
                try {
                    status = ResidencyStatus.valueOf(d.status().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    p.add("declarations.status", "must be CITIZEN, INDIGENOUS, PERMANENT_RESIDENT or WORK_PERMIT");
                }
            }
        }
        p.throwIfAny();
        String normalised = email.toLowerCase(Locale.ROOT);
        if (suppliers.existsByEmail(normalised)) {
            throw new ConflictException("An account already exists for " + normalised + ".");
        }
        Supplier s = new Supplier(
                normalised,
                passwordEncoder.encode(r.password()),
                displayName,
                language,
                d.ageOfMajority(),
                status,
                d.canAcceptCardOrPayPal(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return suppliers.saveAndFlush(s);
    }

    /** At least 12 characters, at most 72 bytes (BCrypt's limit). */
    static void checkPassword(Problems p, String field, String password) {
        if (password == null || password.isBlank()) {
            p.add(field, "is required");
        } else if (password.length() < 12) {
            p.add(field, "must be at least 12 characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            p.add(field, "must be at most 72 bytes");
        }
    }

    /** Whether an account exists for the address (for messages sent to that address only, never shown). */
    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return email != null && suppliers.existsByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Supplier get(UUID id) {
        return suppliers
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no supplier with id " + id + "."));
    }
}
