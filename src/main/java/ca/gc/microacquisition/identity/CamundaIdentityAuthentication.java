package ca.gc.microacquisition.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs staff in to the service's own staff and management chains: checks the password with Camunda's
 * IdentityService; the user's Camunda groups become authorities ({@value #GROUP_AUTHORITY_PREFIX}group id).
 */
public final class CamundaIdentityAuthentication implements AuthenticationProvider {

    /** Prefix of the authority that stands for membership of a Camunda group. */
    public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final IdentityService identityService;

    public CamundaIdentityAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null || !identityService.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
