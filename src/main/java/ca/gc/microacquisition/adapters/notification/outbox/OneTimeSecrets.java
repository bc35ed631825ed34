package ca.gc.microacquisition.adapters.notification.outbox;

import java.util.regex.Pattern;

/**
 * Finds the one-time secrets in a message body, so that the stored copy staff read never holds them: the value of a
 * link's {@code token}, {@code code}, {@code key}, {@code secret}, {@code signature}, {@code sig}, {@code otp} or
 * {@code nonce} query parameter (password reset, subscription confirmation and unsubscribe links, any later one-time
 * link). The value is replaced by {@value #HIDDEN}.
 */
public final class OneTimeSecrets {

    public static final String HIDDEN = "[hidden]";

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&](?:token|code|key|secret|signature|sig|otp|nonce)=)[^&#\\s\"'<>]+", Pattern.CASE_INSENSITIVE);

    private OneTimeSecrets() {}

    /** The text with every one-time secret replaced by {@value #HIDDEN}; null stays null. */
    public static String redact(String text) {
        return text == null ? null : SECRET_PARAMETER.matcher(text).replaceAll("$1" + HIDDEN);
    }
}
