package ca.gc.microacquisition.supplier;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Signs a supplier API call in with a bearer token ({@link ApiTokens}): a SHA-256 and a read, no BCrypt. */
public class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;

    public ApiTokenAuthenticationProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((ApiTokenAuthentication) authentication).token();
        return tokens.authenticate(token)
                .map(supplier -> ApiTokenAuthentication.authenticated(token, supplier))
                .orElseThrow(() -> new BadCredentialsException("Unknown, expired or revoked API token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
