package ca.gc.microacquisition.adapters.payment.sandbox;

import ca.gc.microacquisition.payee.PayoutAccountStatus;
import ca.gc.microacquisition.payee.PayoutAccounts;
import ca.gc.microacquisition.payee.PayoutHolder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox card processor's connected accounts, offline: an account ({@code acct_sandbox_…}) is opened per
 * supplier; its onboarding link is a local page ({@code /en/sandbox/onboarding/{token}}, single use, like Stripe's)
 * where the supplier completes (or leaves) the onboarding; completing it makes the account ready (details
 * submitted, charges and payouts enabled). No identity or bank data is asked or kept.
 */
@Component
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPayoutAccounts implements PayoutAccounts {

    public static final String ACCOUNT_PREFIX = "acct_sandbox_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxConnectedAccountRepository accounts;
    private final Clock clock;
    private final String baseUrl;

    public SandboxPayoutAccounts(
            SandboxConnectedAccountRepository accounts,
            ObjectProvider<Clock> clock,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    /** Idempotent on the holder: the same supplier always gets the same account. */
    @Override
    @Transactional
    public String createAccount(PayoutHolder holder) {
        if (holder == null
                || holder.reference() == null
                || holder.reference().isBlank()
                || holder.email() == null
                || holder.email().isBlank()) {
            throw new IllegalArgumentException("A connected account needs the holder's reference and e-mail");
        }
        return accounts.findByHolderReference(holder.reference())
                .orElseGet(() -> accounts.save(new SandboxConnectedAccount(
                        ACCOUNT_PREFIX
                                + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                        holder.reference(),
                        holder.email(),
                        clock.instant())))
                .getId();
    }

    /** A new single-use link (any earlier one stops working), in the language of the return address. */
    @Override
    @Transactional
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        SandboxConnectedAccount account = account(accountId);
        String token = HexFormat.of().formatHex(bytes());
        account.openLink(token, returnUrl);
        String lang = returnUrl != null && returnUrl.contains("/fr/") ? "fr" : "en";
        return baseUrl + "/" + lang + "/sandbox/onboarding/" + token;
    }

    @Override
    @Transactional(readOnly = true)
    public PayoutAccountStatus status(String accountId) {
        SandboxConnectedAccount account = account(accountId);
        boolean done = account.isDetailsSubmitted() && account.isPayoutsEnabled();
        return new PayoutAccountStatus(
                account.getId(), account.isDetailsSubmitted(), done, account.isPayoutsEnabled(), done);
    }

    /** The account behind an open onboarding link. */
    @Transactional(readOnly = true)
    public Optional<SandboxConnectedAccount> byToken(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return accounts.findByOnboardingToken(token.toLowerCase(Locale.ROOT));
    }

    /** The supplier completes the onboarding: the link is used up; returns where to send them back. */
    @Transactional
    public Optional<String> complete(String token) {
        return byToken(token).map(account -> {
            account.complete(clock.instant());
            return account.getReturnUrl();
        });
    }

    /** The supplier leaves without finishing: the link is used up, the account stays not ready. */
    @Transactional
    public Optional<String> leave(String token) {
        return byToken(token).map(account -> {
            account.leave();
            return account.getReturnUrl();
        });
    }

    private SandboxConnectedAccount account(String accountId) {
        if (accountId == null || !accountId.startsWith(ACCOUNT_PREFIX)) {
            throw new IllegalArgumentException("Not a sandbox connected account: " + accountId);
        }
        return accounts.findById(accountId)
                .orElseThrow(() -> new IllegalArgumentException("No sandbox connected account " + accountId));
    }

    private static byte[] bytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
