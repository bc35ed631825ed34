package ca.gc.microacquisition.identity;

import java.time.Clock;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, which re-hashes a staff password with {@link BCryptPasswordEncryptor} the
 * first time its owner signs in successfully after the switch from Camunda's SHA-512 (the clear password is only
 * known at that moment). A password that passed the slow hash is remembered for a few minutes
 * ({@link RecentlyVerifiedPasswords}): clients that send HTTP Basic on every call do not pay BCrypt on every call.
 * Everything else, including the lock check before the password and the login delays, is Camunda's.
 */
public class UpgradingDbIdentityServiceProvider extends DbIdentityServiceProvider {

    static final String CURRENT_PREFIX = "{" + BCryptPasswordEncryptor.NAME + "}";

    /** One per process: Camunda creates a provider for every command. */
    static final RecentlyVerifiedPasswords RECENTLY_VERIFIED = new RecentlyVerifiedPasswords(Clock.systemUTC());

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean matches = super.checkPassword(userId, password);
        if (matches) {
            UserEntity user = findUserById(userId);
            if (user != null
                    && user.getPassword() != null
                    && !user.getPassword().startsWith(CURRENT_PREFIX)) {
                user.setPassword(password);
                user.encryptPassword();
            }
        }
        return matches;
    }

    /** Whether the password is the user's, without counting a failure or delaying the account. */
    public boolean passwordMatchesWithoutCounting(String userId, String password) {
        UserEntity user = findUserById(userId);
        return user != null && password != null && matchPassword(password, user);
    }

    @Override
    protected boolean matchPassword(String password, UserEntity user) {
        if (password == null || user.getPassword() == null) {
            return super.matchPassword(password, user);
        }
        String stored = user.getSalt() + "$" + user.getPassword();
        if (RECENTLY_VERIFIED.contains(user.getId(), stored, password)) {
            return true;
        }
        boolean matches = super.matchPassword(password, user);
        if (matches) {
            RECENTLY_VERIFIED.remember(user.getId(), stored, password);
        }
        return matches;
    }
}
