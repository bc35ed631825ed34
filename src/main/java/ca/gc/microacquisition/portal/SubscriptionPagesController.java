package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.subscription.SubscriptionService;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Subscribe to new opportunities by e-mail, confirm, unsubscribe (one click, also by POST from mail clients). */
@Controller
class SubscriptionPagesController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SubscriptionService subscriptions;
    private final Messages messages;

    SubscriptionPagesController(SubscriptionService subscriptions, Messages messages) {
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @GetMapping("/{lang:en|fr}/subscriptions")
    String form(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("sent", false);
        return "subscribe";
    }

    @PostMapping("/{lang:en|fr}/subscriptions")
    String subscribe(@RequestParam(defaultValue = "") String email, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        String address = email.strip();
        if (address.isEmpty()
                || address.length() > 254
                || !EMAIL.matcher(address).matches()) {
            errors.add("email", messages.get("register.error.email.format", locale));
        } else {
            subscriptions.subscribe(address, locale.getLanguage());
        }
        model.addAttribute("email", errors.any() ? email : "");
        model.addAttribute("errors", errors);
        model.addAttribute("sent", !errors.any());
        return "subscribe";
    }

    @GetMapping("/{lang:en|fr}/subscriptions/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        boolean ok = subscriptions.confirm(token);
        return result(
                model,
                ok ? "subscribe.confirmed.title" : "subscribe.badLink.title",
                ok ? "subscribe.confirmed.text" : "subscribe.badLink.text");
    }

    /** The link in each message: a page with a button (mail scanners follow links; they do not press buttons). */
    @GetMapping("/{lang:en|fr}/subscriptions/unsubscribe")
    String unsubscribeForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "unsubscribe";
    }

    /** One click: the page's button, or a mail client's List-Unsubscribe-Post (RFC 8058). */
    @PostMapping("/{lang:en|fr}/subscriptions/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean ok = subscriptions.unsubscribe(token);
        return result(
                model,
                ok ? "subscribe.unsubscribed.title" : "subscribe.badLink.title",
                ok ? "subscribe.unsubscribed.text" : "subscribe.badLink.text");
    }

    private static String result(Model model, String titleKey, String textKey) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("textKey", textKey);
        model.addAttribute("detail", null);
        return "message";
    }
}
