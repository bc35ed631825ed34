package ca.gc.microacquisition.testsupport;

import ca.gc.microacquisition.adapters.payment.sandbox.SandboxPayoutAccounts;
import ca.gc.microacquisition.payee.PayeeService;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sets up how a test supplier gets paid, the way the supplier does in the portal: opens the connected account,
 * follows the onboarding link and (with the sandbox) completes the local onboarding step; then the status is read.
 */
@Component
public class Payouts {

    public static final String REFRESH = "http://localhost:8080/en/my/payouts/refresh";
    public static final String RETURN = "http://localhost:8080/en/my/payouts/return";

    private final PayeeService payees;
    private final ObjectProvider<SandboxPayoutAccounts> sandbox;

    Payouts(PayeeService payees, ObjectProvider<SandboxPayoutAccounts> sandbox) {
        this.payees = payees;
        this.sandbox = sandbox;
    }

    /** Onboarded and ready (with Stripe, the stand-in must report the account ready). */
    public void ready(UUID supplierId) {
        String link = payees.startOnboarding(supplierId, REFRESH, RETURN);
        SandboxPayoutAccounts accounts = sandbox.getIfAvailable();
        if (accounts != null) {
            accounts.complete(token(link)).orElseThrow();
        }
        payees.refresh(supplierId);
    }

    /** The secret at the end of a sandbox onboarding link. */
    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
