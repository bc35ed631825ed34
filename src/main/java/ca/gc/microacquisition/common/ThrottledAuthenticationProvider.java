package ca.gc.microacquisition.common;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wraps a sign-in check with back-off per account and per client address ({@link LoginThrottle}): while either
 * must wait, the attempt is refused with {@link SignInThrottledException} without checking the password (so a
 * guess made during the wait tells nothing). A wrong password or an unknown account counts for both; a success
 * clears the account's count (not the address's, so one valid account cannot launder guesses against others).
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle accounts;
    private final LoginThrottle addresses;

    public ThrottledAuthenticationProvider(
            AuthenticationProvider delegate, LoginThrottle accounts, LoginThrottle addresses) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = "account|"
                + (authentication.getName() == null
                        ? ""
                        : authentication.getName().strip().toLowerCase(Locale.ROOT));
        String address = "address|"
                + (authentication.getDetails() instanceof WebAuthenticationDetails details
                                && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown");
        Duration accountWait = accounts.waitFor(account);
        Duration addressWait = addresses.waitFor(address);
        Duration wait = max(accountWait, addressWait);
        if (!wait.isZero()) {
            LOG.info(
                    "Sign-in refused without checking for {} s ({} must wait)",
                    wait.toSeconds(),
                    accountWait.compareTo(addressWait) >= 0 ? "the account" : "the client address " + address);
            throw new SignInThrottledException(wait);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                accounts.success(account);
            }
            return result;
        } catch (BadCredentialsException e) {
            accounts.failure(account);
            addresses.failure(address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
