package ca.gc.microacquisition.supplier;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in supplier. */
public record SupplierPrincipal(UUID supplierId, String email, String passwordHash) implements UserDetails {

    public static final String ROLE = "ROLE_SUPPLIER";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String toString() {
        return "SupplierPrincipal[" + supplierId + "]";
    }
}
