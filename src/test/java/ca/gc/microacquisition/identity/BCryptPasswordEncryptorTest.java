package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;

/** Staff password hashes: BCrypt over SHA-256, next to Camunda's SHA-512 for older hashes. */
class BCryptPasswordEncryptorTest {

    final BCryptPasswordEncryptor bcrypt = new BCryptPasswordEncryptor();

    @Test
    void hashesAreSaltedAndCheckOnlyTheRightPassword() {
        String a = bcrypt.encrypt("Str0ng!passwordsalt");
        String b = bcrypt.encrypt("Str0ng!passwordsalt");
        assertThat(a).startsWith("$2a$10$").isNotEqualTo(b);
        assertThat(bcrypt.check("Str0ng!passwordsalt", a)).isTrue();
        assertThat(bcrypt.check("Str0ng!passwordsalT", a)).isFalse();
        assertThat(bcrypt.check("anything", "")).isFalse();
    }

    @Test
    void passwordsLongerThanBcryptsLimitAreNotCut() {
        String base = "x".repeat(80);
        String hash = bcrypt.encrypt(base + "1");
        assertThat(bcrypt.check(base + "1", hash)).isTrue();
        assertThat(bcrypt.check(base + "2", hash)).isFalse();
    }

    @Test
    void camundasPasswordManagerWritesBcryptAndStillReadsSha512() {
        PasswordManager manager = new PasswordManager(bcrypt, List.of());
        String stored = manager.encrypt("pw+salt");
        assertThat(stored).startsWith("{BCRYPT-SHA256}");
        assertThat(manager.check("pw+salt", stored)).isTrue();
        String older = "{SHA-512}" + new Sha512HashDigest().encrypt("pw+salt");
        assertThat(manager.check("pw+salt", older)).isTrue();
        assertThat(manager.check("other", older)).isFalse();
    }
}
