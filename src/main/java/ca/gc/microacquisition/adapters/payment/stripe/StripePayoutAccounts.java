package ca.gc.microacquisition.adapters.payment.stripe;

import ca.gc.microacquisition.payee.PayoutAccountStatus;
import ca.gc.microacquisition.payee.PayoutAccounts;
import ca.gc.microacquisition.payee.PayoutHolder;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suppliers' Stripe Connect accounts: Express accounts, opened by the platform, onboarded on Stripe's hosted
 * pages (Account Links), read back for {@code details_submitted}, {@code charges_enabled}, {@code payouts_enabled}
 * and the {@code transfers} capability. Stripe holds the supplier's identity and bank account; this service keeps
 * the {@code acct_…} id only.
 */
public class StripePayoutAccounts implements PayoutAccounts {

    private static final Logger log = LoggerFactory.getLogger(StripePayoutAccounts.class);

    private final StripeClient stripe;
    private final StripeConnectProperties connect;

    public StripePayoutAccounts(StripeProperties properties, StripeConnectProperties connect) {
        this.stripe = StripeCardProcessor.client(properties);
        this.connect = connect;
    }

    @Override
    public String provider() {
        return "stripe";
    }

    /**
     * {@code POST /v1/accounts}, type {@code express}, with the {@code transfers} capability (and
     * {@code card_payments} when charges are made on behalf of the supplier). The idempotency key is derived from
     * the supplier, so a repeated call (a double click, a retry after a timeout) opens one account only.
     */
    @Override
    public String createAccount(PayoutHolder holder) {
        if (holder == null || holder.reference() == null || holder.reference().isBlank()) {
            throw new IllegalArgumentException("A connected account needs the supplier's reference");
        }
        var capabilities = AccountCreateParams.Capabilities.builder()
                .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                        .setRequested(true)
                        .build());
        if (connect.onBehalfOf()) {
            capabilities.setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                    .setRequested(true)
                    .build());
        }
        var params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry(connect.country().toUpperCase(Locale.ROOT))
                .setEmail(holder.email())
                .setDefaultCurrency("cad")
                .setCapabilities(capabilities.build())
                .putMetadata("supplier", holder.reference())
                .putMetadata("source", "micro-acquisition")
                .build();
        String key = "connected-account-" + holder.reference();
        try {
            Account account = stripe.v1()
                    .accounts()
                    .create(
                            params,
                            RequestOptions.builder().setIdempotencyKey(key).build());
            log.info("Stripe connected account {} opened for supplier {}", account.getId(), holder.reference());
            return account.getId();
        } catch (StripeException e) {
            throw StripeCardProcessor.translate("opening a connected account for supplier " + holder.reference(), e);
        }
    }

    /** {@code POST /v1/account_links}, type {@code account_onboarding}: a single-use URL, valid for minutes. */
    @Override
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        requireAccount(accountId);
        var params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        try {
            AccountLink link = stripe.v1().accountLinks().create(params);
            return link.getUrl();
        } catch (StripeException e) {
            throw StripeCardProcessor.translate("making an onboarding link for " + accountId, e);
        }
    }

    /**
     * {@code GET /v1/accounts/{id}}. Ready for a destination charge when the supplier finished the onboarding,
     * payouts are enabled and the {@code transfers} capability is active (and, on behalf of the supplier, charges
     * are enabled).
     */
    @Override
    public PayoutAccountStatus status(String accountId) {
        requireAccount(accountId);
        try {
            Account account = stripe.v1().accounts().retrieve(accountId);
            boolean details = Boolean.TRUE.equals(account.getDetailsSubmitted());
            boolean charges = Boolean.TRUE.equals(account.getChargesEnabled());
            boolean payouts = Boolean.TRUE.equals(account.getPayoutsEnabled());
            boolean transfers = account.getCapabilities() == null
                    || account.getCapabilities().getTransfers() == null
                    || "active".equals(account.getCapabilities().getTransfers());
            boolean ready = details && payouts && transfers && (!connect.onBehalfOf() || charges);
            return new PayoutAccountStatus(account.getId(), details, charges, payouts, ready);
        } catch (StripeException e) {
            throw StripeCardProcessor.translate("reading connected account " + accountId, e);
        }
    }

    private static void requireAccount(String accountId) {
        if (accountId == null || !accountId.matches("acct_[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("Not a Stripe connected account id: " + accountId);
        }
    }
}
