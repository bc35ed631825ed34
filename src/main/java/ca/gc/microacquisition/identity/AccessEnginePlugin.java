package ca.gc.microacquisition.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Engine settings for access control, and the start-up step that provisions groups, authorizations and filters.
 *
 * <ul>
 *   <li>Group ids may contain hyphens ({@code procurement-officers}); user ids may contain dots, hyphens and
 *       underscores between letters and digits. Camunda's default allows letters and digits only.</li>
 *   <li>Candidate users and groups of a task get {@code TASK_WORK} (read, claim, complete, set variables) instead of
 *       Camunda's default {@code UPDATE} (which also lets them reassign the task, change its due date, delete
 *       variables...). Reassigning a claimed task is left to administrators.</li>
 *   <li>A new user gets read and update on their own user entry (profile and password) instead of Camunda's default
 *       {@code ALL}, so a user cannot delete themselves.</li>
 *   <li>Staff passwords are hashed with {@link BCryptPasswordEncryptor}; Camunda's SHA-512 hashes stay verifiable
 *       and are re-hashed on their owner's next successful sign-in ({@link UpgradingDbIdentityServiceProvider}).
 *       Camunda's password policy is on ({@code enablePasswordPolicy} in application.yaml); the login delays
 *       ({@code loginDelay*}, {@code loginMaxAttempts}) are set there too.</li>
 *   <li>After the engine is built, {@link AccessInitializer} makes sure the baseline authorizations and Tasklist
 *       filters exist (and, with the {@code demo} profile, the demo groups and users).</li>
 * </ul>
 *
 * <p>The engine's admin groups keep Camunda's default, {@code camunda-admin}: its members pass every authorization
 * check. The initializer also grants that group {@code ALL} on every resource type, the same grants Camunda's own
 * first-admin setup creates, so the webapps' checks and the authorization list in Admin show it explicitly.
 */
@Component
public class AccessEnginePlugin extends AbstractProcessEnginePlugin {

    private final AccessInitializer initializer;

    public AccessEnginePlugin(AccessInitializer initializer) {
        this.initializer = initializer;
    }

    /** Group ids such as {@code procurement-officers}: letters and digits, words joined by hyphens. */
    static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";
    /** User ids such as {@code jdoe}, {@code jane.doe} or {@code jane_doe-2}. */
    static final String USER_ID_PATTERN = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda accepts only letters and digits by default; the service's group ids contain hyphens.
        configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
        configuration.setUserResourceWhitelistPattern(USER_ID_PATTERN);
        configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
        configuration.setResourceAuthorizationProvider(new OwnProfileAuthorizationProvider());
        configuration.setPasswordEncryptor(new BCryptPasswordEncryptor());
        // Camunda's PasswordManager keeps its built-in SHA-512 checker next to this encryptor: older hashes verify.
        configuration.setIdentityProviderSessionFactory(
                new GenericManagerFactory(UpgradingDbIdentityServiceProvider.class));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        initializer.initialize(processEngine);
    }
}
