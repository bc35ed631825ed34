package ca.gc.microacquisition.supplier;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A supplier API call signed in with a bearer token. Before authentication it carries only the token; after, the
 * supplier. The token itself stays available to the sign-out call (it is what gets revoked).
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;
    private final SupplierPrincipal supplier;

    private ApiTokenAuthentication(String token, SupplierPrincipal supplier) {
        super(supplier == null ? List.of() : List.of(new SimpleGrantedAuthority(SupplierPrincipal.ROLE)));
        this.token = token;
        this.supplier = supplier;
        super.setAuthenticated(supplier != null);
    }

    public static ApiTokenAuthentication unauthenticated(String token) {
        return new ApiTokenAuthentication(token, null);
    }

    static ApiTokenAuthentication authenticated(String token, SupplierPrincipal supplier) {
        return new ApiTokenAuthentication(token, supplier);
    }

    /** The bearer token as sent. */
    public String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return supplier;
    }

    @Override
    public String getName() {
        return supplier == null ? "" : supplier.getUsername();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Use ApiTokenAuthentication.authenticated(...)");
        }
        super.setAuthenticated(false);
    }

    @Override
    public String toString() {
        return "ApiTokenAuthentication[" + (supplier == null ? "unauthenticated" : supplier) + "]";
    }
}
