package ca.gc.microacquisition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Passwords that passed BCrypt, remembered for a few minutes against the stored hash they were checked with. */
class RecentlyVerifiedPasswordsTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2040-01-01T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final RecentlyVerifiedPasswords recent = new RecentlyVerifiedPasswords(clock);

    @Test
    void onlyTheSameUserHashAndPasswordWithinTheTimeToLive() {
        assertThat(recent.contains("manager", "salt$hash-1", "Pass-word1!")).isFalse();
        recent.remember("manager", "salt$hash-1", "Pass-word1!");

        assertThat(recent.contains("manager", "salt$hash-1", "Pass-word1!")).isTrue();
        assertThat(recent.contains("manager", "salt$hash-1", "Pass-word1?")).isFalse();
        assertThat(recent.contains("manager", "salt$hash-2", "Pass-word1!")).isFalse(); // password changed or reset
        assertThat(recent.contains("finance", "salt$hash-1", "Pass-word1!")).isFalse();
        // no ambiguity between the parts
        assertThat(recent.contains("manage", "rsalt$hash-1", "Pass-word1!")).isFalse();

        now.set(now.get().plus(RecentlyVerifiedPasswords.TTL).minusSeconds(1));
        assertThat(recent.contains("manager", "salt$hash-1", "Pass-word1!")).isTrue();
        now.set(now.get().plusSeconds(1));
        assertThat(recent.contains("manager", "salt$hash-1", "Pass-word1!")).isFalse();
    }

    @Test
    void theMemoryIsBounded() {
        for (int i = 0; i < RecentlyVerifiedPasswords.MAX_ENTRIES + 10; i++) {
            recent.remember("user" + i, "hash", "password");
        }
        assertThat(recent.contains("user" + (RecentlyVerifiedPasswords.MAX_ENTRIES + 9), "hash", "password"))
                .isTrue();
        assertThat(recent.contains("user0", "hash", "password")).isFalse();
    }
}
