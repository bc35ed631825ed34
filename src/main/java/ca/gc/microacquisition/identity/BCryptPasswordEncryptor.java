package ca.gc.microacquisition.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Camunda's password hash for staff users: BCrypt (cost {@value #COST}) over the SHA-256 of the salted password,
 * stored as {@code {BCRYPT-SHA256}$2a$...}. The SHA-256 step (Base64, 44 characters) lets passwords and Camunda's
 * appended salt go past BCrypt's 72-byte limit without being cut. Registered with
 * {@code ProcessEngineConfigurationImpl.setPasswordEncryptor}; Camunda's SHA-512 stays a password checker so that
 * older hashes keep working until their owner next signs in ({@link UpgradingDbIdentityServiceProvider}).
 */
public final class BCryptPasswordEncryptor implements PasswordEncryptor {

    public static final String NAME = "BCRYPT-SHA256";
    static final int COST = 10;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(preHash(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return encrypted != null && !encrypted.isEmpty() && bcrypt.matches(preHash(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    private static String preHash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
