package ca.gc.microacquisition.payee;

import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in supplier's payout readiness: how they get paid, and whether a contract can be awarded to them. */
@RestController
class PayoutApiController {

    private final PayeeService payees;
    private final String baseUrl;

    PayoutApiController(
            PayeeService payees, @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl) {
        this.payees = payees;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** As last read; {@code ?refresh=true} reads the connected account from the card processor first. */
    @GetMapping("/api/me/payout")
    PayoutReadiness readiness(
            @AuthenticationPrincipal SupplierPrincipal me, @RequestParam(defaultValue = "false") boolean refresh) {
        return refresh ? payees.refresh(me.supplierId()) : payees.readiness(me.supplierId());
    }

    record Onboarding(String onboardingUrl, PayoutReadiness payout) {}

    /**
     * Opens the connected account (once) and returns a fresh single-use onboarding link to the processor's pages;
     * they send the supplier back to the portal's "How you get paid" page.
     */
    @PostMapping("/api/me/payout/onboarding")
    Onboarding onboarding(
            @AuthenticationPrincipal SupplierPrincipal me, @RequestParam(defaultValue = "en") String lang) {
        String l = "fr".equals(lang) ? "fr" : "en";
        String url = payees.startOnboarding(
                me.supplierId(), baseUrl + "/" + l + "/my/payouts/refresh", baseUrl + "/" + l + "/my/payouts/return");
        return new Onboarding(url, payees.readiness(me.supplierId()));
    }

    record PayPalPreference(String paypalEmail) {}

    /** The supplier prefers PayPal: finance pays this address after acceptance. */
    @PutMapping("/api/me/payout/paypal")
    PayoutReadiness payPal(@AuthenticationPrincipal SupplierPrincipal me, @RequestBody PayPalPreference body) {
        return payees.preferPayPal(me.supplierId(), body == null ? null : body.paypalEmail());
    }

    @ExceptionHandler(CardProcessorUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CardProcessorUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The card processor cannot be reached right now; try again in a few minutes.");
        problem.setTitle("Card processor unavailable");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "60")
                .body(problem);
    }
}
