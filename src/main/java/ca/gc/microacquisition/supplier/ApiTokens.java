package ca.gc.microacquisition.supplier;

import static ca.gc.microacquisition.common.Times.utcNow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier API tokens: the cheap way to sign in to the supplier API after the password (BCrypt, deliberately slow)
 * was checked once. A token is 256 random bits; only its SHA-256 is stored, so checking one is a hash and a
 * primary-key read, not a BCrypt verification. A token works until it expires ({@code app.api-token.validity}),
 * until the supplier signs out with it, or until the supplier's password changes (each token remembers a
 * fingerprint of the password hash it was issued under, so every way of changing the password revokes it).
 */
@Service
@Transactional
public class ApiTokens {

    /** What a client sends after "Bearer ": a prefix that secret scanners can recognise and 43 base64url chars. */
    static final String PREFIX = "ma_";

    private static final Pattern FORMAT = Pattern.compile("ma_[A-Za-z0-9_-]{43}");
    /** Live tokens one supplier may hold; issuing one more drops the oldest. */
    static final int MAX_PER_SUPPLIER = 20;

    private final ApiTokenRepository tokens;
    private final SupplierRepository suppliers;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(
            ApiTokenRepository tokens,
            SupplierRepository suppliers,
            Clock clock,
            @Value("${app.api-token.validity:PT8H}") Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("app.api-token.validity must be positive, not " + validity);
        }
        this.tokens = tokens;
        this.suppliers = suppliers;
        this.clock = clock;
        this.validity = validity;
    }

    /** A token issued to a supplier: the token itself is shown once and never stored. */
    public record Issued(String token, OffsetDateTime expiresAt) {}

    /** Issues a token to a supplier whose password was just checked. */
    public Issued issue(UUID supplierId) {
        Supplier supplier = suppliers
                .findById(supplierId)
                .orElseThrow(() -> new IllegalArgumentException("No supplier " + supplierId));
        OffsetDateTime now = now();
        tokens.deleteExpired(supplierId, now);
        List<ApiToken> live = tokens.findBySupplierIdOrderByExpiresAtAsc(supplierId);
        for (int i = 0; i <= live.size() - MAX_PER_SUPPLIER; i++) {
            tokens.delete(live.get(i));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expiresAt = now.plus(validity);
        tokens.save(new ApiToken(sha256(token), supplierId, sha256(supplier.getPasswordHash()), now, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** The supplier a token signs in, when the token is well formed, known, unexpired and its password unchanged. */
    @Transactional(readOnly = true)
    public Optional<SupplierPrincipal> authenticate(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return tokens.findById(sha256(token))
                .filter(t -> now.isBefore(t.getExpiresAt()))
                .flatMap(t -> suppliers
                        .findById(t.getSupplierId())
                        .filter(s -> MessageDigest.isEqual(
                                sha256(s.getPasswordHash()).getBytes(StandardCharsets.US_ASCII),
                                t.getPasswordStamp().getBytes(StandardCharsets.US_ASCII))))
                .map(s -> new SupplierPrincipal(s.getId(), s.getEmail(), s.getPasswordHash()));
    }

    /** Revokes one token (sign-out); false when it was not a live token. */
    public boolean revoke(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return false;
        }
        return tokens.findById(sha256(token))
                .map(t -> {
                    tokens.delete(t);
                    return true;
                })
                .orElse(false);
    }

    /** Revokes every token of a supplier. */
    public int revokeAll(UUID supplierId) {
        return tokens.deleteAllOf(supplierId);
    }

    public Duration validity() {
        return validity;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return utcNow(clock);
    }
}
