package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.payee.PayeeService;
import ca.gc.microacquisition.payment.CardProcessorUnavailableException;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "How you get paid", in the supplier's account ({@code /en/my/payouts}, {@code /fr/my/payouts}; signed in): open
 * the connected account and follow the card processor's onboarding, see its status, or name a PayPal address.
 */
@Controller
class PayoutPagesController {

    private final PayeeService payees;
    private final Messages messages;
    private final String baseUrl;

    PayoutPagesController(
            PayeeService payees,
            Messages messages,
            @Value("${app.public-site.base-url:http://localhost:8080}") String baseUrl) {
        this.payees = payees;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/{lang:en|fr}/my/payouts")
    String page(@AuthenticationPrincipal SupplierPrincipal me, Model model) {
        return page(model, me, new FormErrors(), "");
    }

    /** Opens (or reuses) the connected account and sends the supplier to the processor's onboarding. */
    @PostMapping("/{lang:en|fr}/my/payouts/onboarding")
    String onboarding(@AuthenticationPrincipal SupplierPrincipal me, Model model, Locale locale) {
        String lang = locale.getLanguage();
        try {
            String link = payees.startOnboarding(
                    me.supplierId(),
                    baseUrl + "/" + lang + "/my/payouts/refresh",
                    baseUrl + "/" + lang + "/my/payouts/return");
            return "redirect:" + link;
        } catch (CardProcessorUnavailableException e) {
            FormErrors errors = new FormErrors();
            errors.add("onboarding", messages.get("payouts.error.unavailable", locale));
            return page(model, me, errors, "");
        }
    }

    /** Back from the processor's onboarding: the status is read again. */
    @GetMapping("/{lang:en|fr}/my/payouts/return")
    String back(@AuthenticationPrincipal SupplierPrincipal me, Model model, Locale locale) {
        try {
            payees.refresh(me.supplierId());
        } catch (CardProcessorUnavailableException e) {
            FormErrors errors = new FormErrors();
            errors.add("onboarding", messages.get("payouts.error.unavailable", locale));
            return page(model, me, errors, "");
        }
        return "redirect:/" + locale.getLanguage() + "/my/payouts?checked";
    }

    /**
     * The onboarding link expired or was already used (the processor sends the supplier here): a new link is made
     * for the account already opened, as Stripe asks; without an account, the page is shown.
     */
    @GetMapping("/{lang:en|fr}/my/payouts/refresh")
    String refreshLink(@AuthenticationPrincipal SupplierPrincipal me, Model model, Locale locale) {
        if (payees.readiness(me.supplierId()).accountId() == null) {
            return page(model, me, new FormErrors(), "");
        }
        return onboarding(me, model, locale);
    }

    @PostMapping("/{lang:en|fr}/my/payouts/paypal")
    String payPal(
            @RequestParam(defaultValue = "") String paypalEmail,
            @AuthenticationPrincipal SupplierPrincipal me,
            Model model,
            Locale locale) {
        try {
            payees.preferPayPal(me.supplierId(), paypalEmail);
        } catch (DomainValidationException invalid) {
            FormErrors errors = new FormErrors();
            errors.add("paypalEmail", messages.get("payouts.error.paypalEmail", locale));
            return page(model, me, errors, paypalEmail);
        }
        return "redirect:/" + locale.getLanguage() + "/my/payouts?paypal";
    }

    private String page(Model model, SupplierPrincipal me, FormErrors errors, String paypalEmail) {
        var readiness = payees.readiness(me.supplierId());
        model.addAttribute("payout", readiness);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "paypalEmail",
                paypalEmail.isEmpty() && readiness.paypalEmail() != null ? readiness.paypalEmail() : paypalEmail);
        return "payouts";
    }
}
