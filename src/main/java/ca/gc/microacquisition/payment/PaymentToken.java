package ca.gc.microacquisition.payment;

import ca.gc.microacquisition.common.DomainValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card that pays a supplier, as the card processor's token: the service never takes, keeps or shows a card
 * number (PAN).
 *
 * <p>A token is a processor's identifier for a card kept in its vault, one a charge can name directly: {@code pm_…}
 * (Stripe PaymentMethod), {@code card_…} (Stripe card on a customer) or {@code src_…} (Stripe source), followed by
 * letters, digits and underscores, at most 200 characters. A Stripe.js {@code tok_…} token is not one: a
 * PaymentIntent cannot be charged with it, it must first become a PaymentMethod. The sandbox processor's test cards have the same shape
 * ({@code pm_card_visa}, {@code pm_card_chargeDeclined}, ...).
 *
 * <p>A card number is a run of 13 to 19 digits (single spaces or dashes allowed between digits) that passes the
 * Luhn check. Any value containing one is refused with its own message, also when it hides inside a token shape
 * ({@code pm_4242424242424242}).
 *
 * <p>{@link #mask(String)} is the one masking rule for every view: the last four characters only.
 */
public record PaymentToken(String value) {

    public static final int MAX_LENGTH = 200;

    private static final Pattern TOKEN = Pattern.compile("(pm|card|src)_[A-Za-z0-9_]{1," + MAX_LENGTH + "}");
    /** 13 to 19 digits, single spaces or dashes between them, not part of a longer run of digits. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])");

    static final String CARD_NUMBER_REFUSED = "looks like a card number. Card numbers are never accepted: give the "
            + "card processor's token for the card instead (pm_…, card_… or src_…; in the sandbox e.g. pm_card_visa)";
    static final String NOT_A_TOKEN = "must be a card processor token: pm_…, card_… or src_… followed by "
            + "letters, digits or underscores (in the sandbox e.g. pm_card_visa)";

    public PaymentToken {
        if (value == null
                || value.length() > MAX_LENGTH
                || !TOKEN.matcher(value).matches()
                || containsCardNumber(value)) {
            throw new IllegalArgumentException("not a payment token");
        }
    }

    /** The token in {@code input}, or a refusal naming {@code field} (a clear message for card numbers). */
    public static PaymentToken of(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new DomainValidationException(field, "is required (the card processor's token for the card)");
        }
        String value = input.strip();
        refuseCardNumber(field, value);
        if (value.length() > MAX_LENGTH || !TOKEN.matcher(value).matches()) {
            throw new DomainValidationException(field, NOT_A_TOKEN);
        }
        return new PaymentToken(value);
    }

    /** Refuses a value that contains a card number, whatever else it is. */
    public static void refuseCardNumber(String field, String value) {
        if (containsCardNumber(value)) {
            throw new DomainValidationException(field, CARD_NUMBER_REFUSED);
        }
    }

    /** True when the text contains a Luhn-valid run of 13 to 19 digits (spaces and dashes allowed). */
    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            if (luhn(digits(m.group()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every card number in it replaced by its mask ({@code …4242}); other text unchanged. Digits inside
     * a UUID (an id such as an opportunity's, whose groups can happen to be all digits) are not a card number.
     */
    public static String maskCardNumbers(String text) {
        if (text == null) {
            return null;
        }
        List<int[]> uuids = new ArrayList<>();
        Matcher u = UUID_TEXT.matcher(text);
        while (u.find()) {
            uuids.add(new int[] {u.start(), u.end()});
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = digits(m.group());
            boolean inUuid = uuids.stream().anyMatch(span -> m.start() < span[1] && m.end() > span[0]);
            m.appendReplacement(out, Matcher.quoteReplacement(!inUuid && luhn(digits) ? mask(digits) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The one way a card (token, number, or anything in a card field) is shown: its last four letters or digits
     * after an ellipsis ({@code …visa}, {@code …4242}); {@code …} alone when shorter than 8.
     */
    public static String mask(String paymentMethod) {
        if (paymentMethod == null) {
            return null;
        }
        String compact = paymentMethod.replaceAll("[\\s-]", "");
        if (compact.isEmpty()) {
            return "";
        }
        if (compact.startsWith("…")) {
            return compact;
        }
        return compact.length() < 8 ? "…" : "…" + compact.substring(compact.length() - 4);
    }

    @Override
    public String toString() {
        return mask(value);
    }

    /** Whether these 13 to 19 digits (digits only) pass the Luhn check of card numbers. */
    public static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String digits(String run) {
        return run.replaceAll("[^0-9]", "");
    }
}
