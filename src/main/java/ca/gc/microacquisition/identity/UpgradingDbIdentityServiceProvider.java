package ca.gc.microacquisition.identity;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, which re-hashes a staff password with {@link BCryptPasswordEncryptor} the
 * first time its owner signs in successfully after the switch from Camunda's SHA-512 (the clear password is only
 * known at that moment). Everything else, including the login delays, is Camunda's.
 */
public class UpgradingDbIdentityServiceProvider extends DbIdentityServiceProvider {

    static final String CURRENT_PREFIX = "{" + BCryptPasswordEncryptor.NAME + "}";

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean matches = super.checkPassword(userId, password);
        if (matches) {
            UserEntity user = findUserById(userId);
            if (user != null && user.getPassword() != null && !user.getPassword().startsWith(CURRENT_PREFIX)) {
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
}
