package ca.gc.microacquisition.identity;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Camunda's default authorizations for new resources, except that
 * <ul>
 *   <li>a new user gets only read and update on their own user entry (edit their profile, change their password),
 *       not {@code ALL} (which includes deleting themselves);</li>
 *   <li>whoever deploys gets no grant on the new deployment (Camunda gives the deploying user {@code ALL}, which
 *       would let CFOB delete its own deployments and their decision history). Group grants decide who reads
 *       deployments; only administrators delete them (see {@code rules.RuleCommandGuard}).</li>
 * </ul>
 */
public class OwnProfileAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        String userId = user.getId();
        EnsureUtil.ensureValidIndividualResourceId("Cannot create default authorization for user " + userId, userId);
        AuthorizationEntity ownProfile =
                createGrantAuthorization(userId, null, Resources.USER, userId, Permissions.READ, Permissions.UPDATE);
        return new AuthorizationEntity[] {ownProfile};
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        return new AuthorizationEntity[0];
    }
}
