package ca.gc.microacquisition.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in back-off: free failures, then doubling waits up to a ceiling, never a permanent lock. */
class SignInThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));

    @Test
    void freeFailuresThenDoublingWaitsCappedAtTheMaximum() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofSeconds(10), clock);
        throttle.failure("k");
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isZero();
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isEqualTo(Duration.ofSeconds(1));
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isEqualTo(Duration.ofSeconds(2));
        throttle.failure("k");
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isEqualTo(Duration.ofSeconds(8));
        for (int i = 0; i < 40; i++) {
            throttle.failure("k");
        }
        assertThat(throttle.waitFor("k")).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.waitFor("k")).isZero();
        assertThat(throttle.waitFor("other")).isZero();
    }

    @Test
    void anOldFailureHistoryIsForgottenAndASuccessClearsTheKey() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofSeconds(10), clock);
        throttle.failure("k");
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isPositive();
        clock.advance(Duration.ofSeconds(41));
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isZero();
        throttle.failure("k");
        assertThat(throttle.waitFor("k")).isPositive();
        throttle.success("k");
        assertThat(throttle.waitFor("k")).isZero();
    }

    @Test
    void oneAddressSprayingManyAccountsIsSlowedDownWithoutCheckingPasswords() {
        LoginThrottle accounts = new LoginThrottle(3, Duration.ofMinutes(15), clock);
        LoginThrottle addresses = new LoginThrottle(5, Duration.ofMinutes(15), clock);
        AtomicInteger checked = new AtomicInteger();
        AuthenticationProvider passwords = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                checked.incrementAndGet();
                if (!"right".equals(a.getCredentials())) {
                    throw new BadCredentialsException("wrong");
                }
                return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, java.util.List.of());
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        };
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(passwords, accounts, addresses);
        for (int i = 0; i < 6; i++) {
            String account = "victim" + i + "@example.com";
            assertThatThrownBy(() -> provider.authenticate(attempt(account, "guess", "192.0.2.7")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checked).hasValue(6);
        assertThatThrownBy(() -> provider.authenticate(attempt("victim9@example.com", "right", "192.0.2.7")))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(checked).hasValue(6);
        // Another address is not held back.
        assertThat(provider.authenticate(attempt("victim9@example.com", "right", "198.51.100.1"))
                        .isAuthenticated())
                .isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(provider.authenticate(attempt("victim9@example.com", "right", "192.0.2.7"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void anAccountUnderAttackWaitsWhateverTheAddress() {
        LoginThrottle accounts = new LoginThrottle(2, Duration.ofMinutes(15), clock);
        LoginThrottle addresses = new LoginThrottle(100, Duration.ofMinutes(15), clock);
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(
                new AuthenticationProvider() {
                    @Override
                    public Authentication authenticate(Authentication a) {
                        throw new BadCredentialsException("wrong");
                    }

                    @Override
                    public boolean supports(Class<?> type) {
                        return true;
                    }
                },
                accounts,
                addresses);
        for (int i = 0; i < 3; i++) {
            String address = "203.0.113." + i;
            assertThatThrownBy(() -> provider.authenticate(attempt("Victim@Example.com", "g", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(attempt("victim@example.com", "g", "203.0.113.99")))
                .isInstanceOf(SignInThrottledException.class)
                .satisfies(e -> assertThat(((SignInThrottledException) e).getRetryAfter())
                        .isPositive());
    }

    private static Authentication attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}
