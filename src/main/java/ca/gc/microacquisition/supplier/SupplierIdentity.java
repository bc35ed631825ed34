package ca.gc.microacquisition.supplier;

import java.util.Locale;
import java.util.Set;

/**
 * What makes two supplier accounts "the same supplier" for the one-proposal-per-draw rule. The data model knows a
 * supplier only by the e-mail address they sign in with (and receive password resets at); it holds no business or
 * payee number. So:
 * <ul>
 *   <li>an address at an organisation's own mail domain identifies the organisation: every account at
 *       {@code acme.ca} (or a sub-domain such as {@code dev.acme.ca}) is one supplier;</li>
 *   <li>an address at a public mail service (Gmail, Outlook, Proton...) or at a reserved test domain
 *       ({@code example.com}, {@code *.test}...) identifies one mailbox: the same mailbox written differently
 *       ({@code Jo.Doe+a@gmail.com} and {@code jodoe@googlemail.com}) is one supplier.</li>
 * </ul>
 * The organisation's domain is the last two labels of the mail domain, or the last three where the last two are a
 * known shared suffix ({@code co.uk}, {@code qc.ca}, {@code gc.ca}...).
 */
public final class SupplierIdentity {

    /** Mail services where any person can get an address: an address there says nothing about an organisation. */
    static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "hotmail.ca",
            "live.com",
            "live.ca",
            "msn.com",
            "yahoo.com",
            "yahoo.ca",
            "ymail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "proton.me",
            "protonmail.com",
            "pm.me",
            "gmx.com",
            "gmx.net",
            "gmx.de",
            "mail.com",
            "zoho.com",
            "yandex.com",
            "fastmail.com",
            "hey.com",
            "tutanota.com",
            "tuta.io",
            "hushmail.com",
            "sympatico.ca",
            "bell.net",
            "rogers.com",
            "shaw.ca",
            "telus.net",
            "videotron.ca",
            "cogeco.ca",
            "eastlink.ca",
            "users.noreply.github.com");

    /** Two-label suffixes under which organisations register their domain (so the organisation is 3 labels). */
    static final Set<String> SHARED_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "com.br", "co.jp", "gc.ca",
            "ab.ca", "bc.ca", "mb.ca", "nb.ca", "nl.ca", "ns.ca", "nt.ca", "nu.ca", "on.ca", "pe.ca", "qc.ca", "sk.ca",
            "yk.ca");

    private static final Set<String> RESERVED_DOMAINS =
            Set.of("example.com", "example.org", "example.net", "localhost");
    private static final Set<String> RESERVED_TLDS = Set.of("test", "example", "invalid", "localhost");

    private SupplierIdentity() {}

    /** The identity key of an e-mail address: {@code org:acme.ca} or {@code mailbox:jodoe@gmail.com}. */
    public static String of(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "mailbox:" + address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String organisation = organisationDomain(domain);
        if (!isPublic(domain, organisation)) {
            return "org:" + organisation;
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            domain = "gmail.com";
            local = local.replace(".", "");
        }
        return "mailbox:" + local + "@" + domain;
    }

    /** A short, plain description of the identity for messages ("the mail domain acme.ca"). */
    public static String describe(String identity) {
        return identity.startsWith("org:")
                ? "the mail domain " + identity.substring(4)
                : "the mailbox " + identity.substring("mailbox:".length());
    }

    static String organisationDomain(String domain) {
        String[] labels = domain.split("\\.");
        if (labels.length <= 2) {
            return domain;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = SHARED_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder result = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            if (result.length() > 0) {
                result.append('.');
            }
            result.append(labels[i]);
        }
        return result.toString();
    }

    private static boolean isPublic(String domain, String organisation) {
        if (PUBLIC_MAIL_DOMAINS.contains(domain)
                || PUBLIC_MAIL_DOMAINS.contains(organisation)
                || RESERVED_DOMAINS.contains(organisation)) {
            return true;
        }
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        return RESERVED_TLDS.contains(tld) || !domain.contains(".");
    }
}
