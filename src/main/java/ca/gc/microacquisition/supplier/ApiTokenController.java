package ca.gc.microacquisition.supplier;

import ca.gc.microacquisition.common.ConflictException;
import ca.gc.microacquisition.common.ForbiddenException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier API tokens: {@code POST /api/tokens} (signed in with e-mail and password) issues one,
 * {@code DELETE /api/tokens/current} (signed in with that token) revokes it, {@code DELETE /api/tokens} revokes
 * every token of the supplier.
 */
@RestController
class ApiTokenController {

    private final ApiTokens tokens;
    private final ZoneId zone;

    ApiTokenController(ApiTokens tokens, ZoneId zone) {
        this.tokens = tokens;
        this.zone = zone;
    }

    record IssuedToken(String token, String tokenType, String expiresAt, long expiresIn) {}

    @PostMapping("/api/tokens")
    ResponseEntity<IssuedToken> issue(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            // A token that could renew itself would never expire: a new one needs the password again.
            throw new ForbiddenException("A token cannot be exchanged for another one. Ask for a token with your "
                    + "e-mail and password (HTTP Basic).");
        }
        SupplierPrincipal me = (SupplierPrincipal) authentication.getPrincipal();
        ApiTokens.Issued issued = tokens.issue(me.supplierId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new IssuedToken(
                        issued.token(),
                        "Bearer",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                issued.expiresAt().atZoneSameInstant(zone).toOffsetDateTime()),
                        tokens.validity().toSeconds()));
    }

    @DeleteMapping("/api/tokens/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(Authentication authentication) {
        if (!(authentication instanceof ApiTokenAuthentication token)) {
            throw new ConflictException("This call was not signed in with an API token: send the token to revoke as "
                    + "'Authorization: Bearer <token>', or revoke every token with DELETE /api/tokens.");
        }
        tokens.revoke(token.token());
    }

    @DeleteMapping("/api/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeAll(Authentication authentication) {
        tokens.revokeAll(((SupplierPrincipal) authentication.getPrincipal()).supplierId());
    }
}
