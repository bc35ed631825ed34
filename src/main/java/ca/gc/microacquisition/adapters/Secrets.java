package ca.gc.microacquisition.adapters;

/** Keeps secrets (tokens, API keys) out of logs and {@code toString()} output. */
public final class Secrets {

    private Secrets() {}

    /**
     * A form of a secret that is safe to log: its well-known prefix (such as {@code ghp_}, {@code glpat-},
     * {@code sk_test_}, {@code rk_live_}) and its length, never its characters.
     */
    public static String mask(String secret) {
        if (secret == null || secret.isBlank()) {
            return "(not set)";
        }
        var prefix = new StringBuilder();
        for (String known : new String[] {
            "github_pat_", "ghp_", "gho_", "ghs_", "glpat-", "sk_test_", "sk_live_", "rk_test_", "rk_live_"
        }) {
            if (secret.startsWith(known)) {
                prefix.append(known);
                break;
            }
        }
        return prefix + "****(" + secret.length() + " characters)";
    }

    public static boolean isSet(String secret) {
        return secret != null && !secret.isBlank();
    }
}
