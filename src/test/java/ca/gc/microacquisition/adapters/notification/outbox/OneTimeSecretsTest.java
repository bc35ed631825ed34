package ca.gc.microacquisition.adapters.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneTimeSecretsTest {

    @Test
    void theValuesOfOneTimeLinkParametersAreHidden() {
        assertThat(OneTimeSecrets.redact("Reset: https://x.gc.ca/en/password-reset/new?token=abc123DEF_-.\nThanks"))
                .isEqualTo("Reset: https://x.gc.ca/en/password-reset/new?token=[hidden]\nThanks");
        assertThat(OneTimeSecrets.redact("<https://x.gc.ca/fr/subscriptions/unsubscribe?lang=fr&TOKEN=f00d&x=1>"))
                .isEqualTo("<https://x.gc.ca/fr/subscriptions/unsubscribe?lang=fr&TOKEN=[hidden]&x=1>");
        assertThat(OneTimeSecrets.redact("https://x/confirm?code=999&sig=abc#top"))
                .isEqualTo("https://x/confirm?code=[hidden]&sig=[hidden]#top");
    }

    @Test
    void otherTextIsUnchanged() {
        String body = "Your proposal for MA-2026-0001 was received. See https://x.gc.ca/en/my?tab=contracts";
        assertThat(OneTimeSecrets.redact(body)).isEqualTo(body);
        assertThat(OneTimeSecrets.redact("the token is in the link")).isEqualTo("the token is in the link");
        assertThat(OneTimeSecrets.redact(null)).isNull();
    }
}
