package ca.gc.microacquisition.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.common.DomainValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a card number, what as a processor token, and the one masking rule. */
class PaymentTokenTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4242424242424242",
                "4242 4242 4242 4242",
                "4242-4242-4242-4242",
                "378282246310005",
                "6011111111111117",
                "4222222222222",
                "6200000000000000000",
                "card: 5555 5555 5555 4444.",
                "tok_4242424242424242",
                "pm_4242424242424242",
                " 4000000000000002 "
            })
    void cardNumbersAreRefusedWithTheirOwnMessage(String value) {
        assertThat(PaymentToken.containsCardNumber(value)).isTrue();
        assertThatThrownBy(() -> PaymentToken.of("paymentMethod", value))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("paymentMethod")
                .hasMessageContaining("looks like a card number")
                .hasMessageNotContaining("4242424242424242");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4242424242424241",
                "424242424242",
                "42424242424242424242",
                "4242  4242 4242 4242",
                "FC-1234-5678",
                "2026-03-01T17:00:00-05:00",
                "123e4567-e89b-12d3-a456-426614174000"
            })
    void otherDigitsAreNotCardNumbers(String value) {
        assertThat(PaymentToken.containsCardNumber(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pm_card_visa",
                "pm_1MqLiJLkdIwHu7ixUEgbFdYF",
                "card_1NGTaT2eZvKYlo2C",
                "src_1AbC",
                "pm_card_chargeDeclined"
            })
    void processorTokensAreAccepted(String value) {
        assertThat(PaymentToken.of("paymentMethod", "  " + value + " ").value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "visa",
                "VISA ending 4242",
                "pm_",
                "pi_123",
                "tok_visa",
                "pm_card visa",
                "pm-card-visa",
                "ch_1abc"
            })
    void anythingElseIsNotAToken(String value) {
        assertThatThrownBy(() -> PaymentToken.of("paymentMethod", value))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("must be a card processor token");
    }

    @Test
    void aTokenIsRequiredAndNotTooLong() {
        assertThatThrownBy(() -> PaymentToken.of("paymentMethod", " ")).hasMessageContaining("is required");
        assertThatThrownBy(() -> PaymentToken.of("paymentMethod", "pm_" + "a".repeat(198)))
                .hasMessageContaining("must be a card processor token");
        assertThat(PaymentToken.of("paymentMethod", "pm_" + "a".repeat(197)).value())
                .hasSize(200);
    }

    @ParameterizedTest
    @CsvSource({
        "pm_card_visa, …visa",
        "4242 4242 4242 4242, …4242",
        "5555-5555-5555-4444, …4444",
        "abc, …",
        "…visa, …visa"
    })
    void oneMaskingRuleLastFourOnly(String value, String masked) {
        assertThat(PaymentToken.mask(value)).isEqualTo(masked);
        assertThat(PaymentToken.of("paymentMethod", "pm_card_visa").toString()).isEqualTo("…visa");
    }

    @Test
    void cardNumbersInTextAreMaskedAndTheRestKept() {
        assertThat(PaymentToken.maskCardNumbers("pay 4242 4242 4242 4242 now, ref 424242424242"))
                .isEqualTo("pay …4242 now, ref 424242424242");
        // an id whose first groups are all digits (and pass Luhn) is an id, not a card number; a card beside it is
        String id = "42424242-4242-4242-a1b2-c3d4e5f60718";
        assertThat(PaymentToken.maskCardNumbers(id)).isEqualTo(id);
        assertThat(PaymentToken.maskCardNumbers("opportunity " + id + " paid with 4242 4242 4242 4242"))
                .isEqualTo("opportunity " + id + " paid with …4242");
        assertThat(PaymentToken.maskCardNumbers(null)).isNull();
    }
}
