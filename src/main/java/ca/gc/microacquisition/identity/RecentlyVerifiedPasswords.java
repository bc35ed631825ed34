package ca.gc.microacquisition.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Staff passwords that passed the slow hash (BCrypt) in the last {@link #TTL}, remembered in memory only as an
 * HMAC-SHA256 (key: 32 random bytes drawn when the process starts, never stored) of the user id, the stored hash
 * and the password. A client that sends HTTP Basic on every call (the engine REST API, {@code /staff/**}) then pays
 * the slow hash once every few minutes instead of on every request. The stored hash is part of what is remembered,
 * so a password change or reset (a new hash) is never answered from here; a wrong password is never remembered and
 * always goes through the slow hash, the login delays and the failure count ({@link UpgradingDbIdentityServiceProvider}).
 */
final class RecentlyVerifiedPasswords {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<ByteBuffer, Instant> verified = new ConcurrentHashMap<>();

    RecentlyVerifiedPasswords(Clock clock) {
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was verified against this stored hash of this user less than {@link #TTL} ago. */
    boolean contains(String userId, String storedHash, String password) {
        ByteBuffer mac = mac(userId, storedHash, password);
        Instant expires = verified.get(mac);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            verified.remove(mac, expires);
            return false;
        }
        return true;
    }

    /** Remembers a password that has just passed the slow hash. */
    void remember(String userId, String storedHash, String password) {
        Instant now = clock.instant();
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(expires -> !now.isBefore(expires));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(mac(userId, storedHash, password), now.plus(TTL));
    }

    private ByteBuffer mac(String userId, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {userId, storedHash, password}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return ByteBuffer.wrap(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
