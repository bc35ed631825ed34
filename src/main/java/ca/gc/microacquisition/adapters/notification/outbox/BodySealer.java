package ca.gc.microacquisition.adapters.notification.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the full body of a message that holds a one-time secret until a sender delivers it: AES-256-GCM with the
 * key from {@code app.notify.sealing-key} (32 bytes, Base64), a fresh 96-bit nonce per message and the message id as
 * associated data (a sealed body copied onto another row does not open). Stored as Base64 of nonce + ciphertext.
 *
 * <p>Without a configured key a random one is made at start-up: messages sealed before a restart then cannot be
 * opened and are sent with their links hidden (the person asks for a new link). Production sets the key.
 */
@Component
public class BodySealer {

    private static final Logger LOG = LoggerFactory.getLogger(BodySealer.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public BodySealer(@Value("${app.notify.sealing-key:}") String configuredKey) {
        this.key = configuredKey == null || configuredKey.isBlank() ? randomKey() : key(configuredKey.strip());
    }

    /** Base64 of nonce + ciphertext of {@code body}, bound to the message {@code id}. */
    public String seal(UUID id, String body) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a message body", e);
        }
    }

    /** The body sealed for message {@code id}, or null when it cannot be opened (other key, altered, other row). */
    public String open(UUID id, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            if (in.length <= NONCE_BYTES) {
                return null;
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("app.notify.sealing-key must be Base64 (32 random bytes, e.g. from "
                    + "'openssl rand -base64 32')");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "app.notify.sealing-key must be 32 bytes (256 bits) in Base64, not " + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey randomKey() {
        LOG.info("No app.notify.sealing-key: one-time links waiting in the outbox are sealed with a key that lasts "
                + "until the service stops");
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
