package ca.gc.microacquisition.adapters.payment.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox's stand-in for Stripe's hosted onboarding: the page a sandbox onboarding link opens. Completing it
 * makes the connected account ready; leaving keeps it not ready. The link is single use, like Stripe's. The
 * supplier is sent back to the return address the portal gave (only a path on this service is followed).
 */
@Controller
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxOnboardingController {

    private final SandboxPayoutAccounts accounts;

    SandboxOnboardingController(SandboxPayoutAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{lang:en|fr}/sandbox/onboarding/{token}")
    String page(@PathVariable String lang, @PathVariable String token, Model model) {
        model.addAttribute("lang", lang);
        model.addAttribute("token", token);
        var account = accounts.byToken(token);
        model.addAttribute("usable", account.isPresent());
        model.addAttribute(
                "accountId", account.map(SandboxConnectedAccount::getId).orElse(null));
        model.addAttribute(
                "email", account.map(SandboxConnectedAccount::getEmail).orElse(null));
        return "sandbox-onboarding";
    }

    @PostMapping("/{lang:en|fr}/sandbox/onboarding/{token}")
    String submit(
            @PathVariable String lang,
            @PathVariable String token,
            @RequestParam(defaultValue = "complete") String action) {
        var back = "leave".equals(action) ? accounts.leave(token) : accounts.complete(token);
        if (back.isEmpty()) {
            return "redirect:/" + lang + "/sandbox/onboarding/" + token;
        }
        return "redirect:" + localPath(back.get(), lang);
    }

    /** The path (and query) of the return address; never another site. */
    static String localPath(String url, String lang) {
        String fallback = "/" + lang + "/my/payouts";
        if (url == null || url.isBlank()) {
            return fallback;
        }
        try {
            var uri = java.net.URI.create(url.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return fallback;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
