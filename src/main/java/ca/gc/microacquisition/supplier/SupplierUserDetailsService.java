package ca.gc.microacquisition.supplier;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** Looks suppliers up by e-mail for HTTP Basic sign-in on the supplier API. */
public class SupplierUserDetailsService implements UserDetailsService {

    private final SupplierRepository suppliers;

    public SupplierUserDetailsService(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return suppliers
                .findByEmail(email)
                .map(s -> new SupplierPrincipal(s.getId(), s.getEmail(), s.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No supplier account for that e-mail"));
    }
}
