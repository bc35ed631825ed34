package ca.gc.microacquisition.security;

import ca.gc.microacquisition.supplier.SupplierPrincipal;
import ca.gc.microacquisition.supplier.SupplierRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a supplier's portal session when the account's password changed after the session signed in (a password
 * reset from another browser, for instance): the principal carries the password hash it signed in with, and every
 * request compares it with the stored one (the hash changes with every new password, BCrypt salts it). The request
 * then goes on as anonymous, so pages that need a supplier send the visitor to the sign-in page.
 */
class SupplierSessionCheck extends OncePerRequestFilter {

    private final SupplierRepository suppliers;

    SupplierSessionCheck(SupplierRepository suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SupplierPrincipal principal) {
            boolean current = suppliers
                    .findById(principal.supplierId())
                    .map(s -> s.getPasswordHash().equals(principal.passwordHash()))
                    .orElse(false);
            if (!current) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
