package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.supplier.PasswordResetService;
import ca.gc.microacquisition.supplier.ResidencyStatus;
import ca.gc.microacquisition.supplier.SupplierRegistration;
import ca.gc.microacquisition.supplier.SupplierService;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Register, sign in (the form posts to Spring Security), and reset a forgotten password. */
@Controller
class AccountController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SupplierService suppliers;
    private final PasswordResetService resets;
    private final Messages messages;

    AccountController(SupplierService suppliers, PasswordResetService resets, Messages messages) {
        this.suppliers = suppliers;
        this.resets = resets;
        this.messages = messages;
    }

    /** The registration form. */
    public static class RegistrationForm {
        private String email = "";
        private String password = "";
        private String displayName = "";
        private String language;
        private boolean ageOfMajority;
        private String status;
        private boolean canAcceptCardOrPayPal;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }

        public boolean isAgeOfMajority() {
            return ageOfMajority;
        }

        public void setAgeOfMajority(boolean ageOfMajority) {
            this.ageOfMajority = ageOfMajority;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public boolean isCanAcceptCardOrPayPal() {
            return canAcceptCardOrPayPal;
        }

        public void setCanAcceptCardOrPayPal(boolean v) {
            this.canAcceptCardOrPayPal = v;
        }
    }

    @GetMapping("/{lang:en|fr}/register")
    String registerForm(Model model, Locale locale) {
        RegistrationForm form = new RegistrationForm();
        form.setLanguage(locale.getLanguage());
        return register(model, form, new FormErrors());
    }

    @PostMapping("/{lang:en|fr}/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        String email = form.getEmail() == null ? "" : form.getEmail().strip();
        if (email.isEmpty()) {
            errors.add("email", messages.get("register.error.email.required", locale));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add("email", messages.get("register.error.email.format", locale));
        }
        String password = form.getPassword() == null ? "" : form.getPassword();
        if (password.length() < 12) {
            errors.add("password", messages.get("register.error.password.short", locale));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            errors.add("password", messages.get("register.error.password.long", locale));
        }
        String name = form.getDisplayName() == null ? "" : form.getDisplayName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add("displayName", messages.get("register.error.displayName", locale));
        }
        if (!"en".equals(form.getLanguage()) && !"fr".equals(form.getLanguage())) {
            errors.add("language-en", messages.get("register.error.language", locale));
        }
        if (!form.isAgeOfMajority()) {
            errors.add("ageOfMajority", messages.get("register.error.ageOfMajority", locale));
        }
        boolean knownStatus = false;
        for (ResidencyStatus s : ResidencyStatus.values()) {
            knownStatus |= s.name().equals(form.getStatus());
        }
        if (!knownStatus) {
            errors.add("status-CITIZEN", messages.get("register.error.status", locale));
        }
        if (!form.isCanAcceptCardOrPayPal()) {
            errors.add("canAcceptCardOrPayPal", messages.get("register.error.payment", locale));
        }
        if (errors.any()) {
            form.setPassword("");
            return register(model, form, errors);
        }
        try {
            // Same answer whether or not the address had an account; its owner is told (no account enumeration).
            suppliers.registerOrTellOwner(new SupplierRegistration(
                    email,
                    password,
                    name,
                    form.getLanguage(),
                    new SupplierRegistration.Declarations(true, form.getStatus(), true)));
        } catch (DomainValidationException invalid) {
            invalid.getProblems().forEach(p -> errors.add(p.field().replace("declarations.", ""), p.message()));
            form.setPassword("");
            return register(model, form, errors);
        }
        return "redirect:/" + locale.getLanguage() + "/sign-in?registered";
    }

    private String register(Model model, RegistrationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", ResidencyStatus.values());
        return "register";
    }

    @GetMapping("/{lang:en|fr}/sign-in")
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return "sign-in";
    }

    @GetMapping("/{lang:en|fr}/password-reset")
    String resetRequestForm(Model model) {
        model.addAttribute("sent", false);
        model.addAttribute("errors", new FormErrors());
        return "password-reset";
    }

    /** Same answer whether or not the address has an account. */
    @PostMapping("/{lang:en|fr}/password-reset")
    String resetRequest(@RequestParam(defaultValue = "") String email, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        if (email.isBlank() || !EMAIL.matcher(email.strip()).matches()) {
            errors.add("email", messages.get("register.error.email.format", locale));
            model.addAttribute("sent", false);
        } else {
            resets.requestReset(email, locale.getLanguage());
            model.addAttribute("sent", true);
        }
        model.addAttribute("errors", errors);
        return "password-reset";
    }

    @GetMapping("/{lang:en|fr}/password-reset/new")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", resets.usable(token));
        model.addAttribute("errors", new FormErrors());
        return "password-new";
    }

    @PostMapping("/{lang:en|fr}/password-reset/new")
    String newPassword(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            Model model,
            Locale locale) {
        FormErrors errors = new FormErrors();
        if (password.length() < 12) {
            errors.add("password", messages.get("register.error.password.short", locale));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            errors.add("password", messages.get("register.error.password.long", locale));
        }
        if (!errors.any()) {
            if (resets.reset(token, password)) {
                return "redirect:/" + locale.getLanguage() + "/sign-in?reset";
            }
            model.addAttribute("usable", false);
        } else {
            model.addAttribute("usable", true);
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "password-new";
    }
}
