package ca.gc.microacquisition.adapters.notification.gcnotify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gc.microacquisition.adapters.notification.outbox.OutboxMessageView;
import ca.gc.microacquisition.adapters.notification.outbox.RecipientAddresses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** GC Notify (GOV.UK Notify's API) through its Java client, against a local WireMock stand-in. */
class GcNotifyDeliveryTest {

    static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
    static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    static final String API_KEY = "microacq-" + SERVICE_ID + "-" + SECRET;
    static final String TEMPLATE_EN = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    static final String TEMPLATE_FR = "a5b0bd0e-8bd0-4a2a-9c0b-8f6f3f3b0b7e";

    WireMockServer notify;

    @BeforeEach
    void start() {
        notify = new WireMockServer(wireMockConfig().dynamicPort());
        notify.start();
    }

    @AfterEach
    void stop() {
        notify.stop();
    }

    GcNotifyDelivery delivery() {
        return new GcNotifyDelivery(
                new RecipientAddresses(Mockito.mock(IdentityService.class)),
                notify.baseUrl(),
                API_KEY,
                TEMPLATE_EN,
                TEMPLATE_FR);
    }

    static OutboxMessageView message(String language) {
        return new OutboxMessageView(
                UUID.randomUUID(),
                "supplier@example.com",
                language,
                "Contrat attribué",
                "Votre proposition a été retenue.",
                "MA-2026-0001",
                "AWARDED",
                "gc-notify",
                Instant.now(),
                null);
    }

    @Test
    void postsTheEmailWithTheTemplateOfTheLanguageAndAJwtSignedWithTheKey() throws Exception {
        notify.stubFor(post("/v2/notifications/email")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + UUID.randomUUID()
                                + "\",\"reference\":null,\"content\":{\"body\":\"b\","
                                + "\"from_email\":\"x@notification.canada.ca\",\"subject\":\"s\"},\"uri\":\"u\","
                                + "\"template\":{\"id\":\"" + TEMPLATE_FR + "\",\"version\":1,\"uri\":\"t\"}}")));
        OutboxMessageView m = message("fr");

        delivery().deliver(m);

        notify.verify(postRequestedFor(urlEqualTo("/v2/notifications/email"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withRequestBody(equalToJson(
                        "{\"template_id\":\"" + TEMPLATE_FR + "\",\"email_address\":"
                                + "\"supplier@example.com\",\"personalisation\":{\"subject\":\"Contrat attribué\","
                                + "\"body\":\"Votre proposition a été retenue.\"},\"reference\":\"" + m.id() + "\"}",
                        true,
                        true)));
        String jwt = notify.getAllServeEvents()
                .get(0)
                .getRequest()
                .getHeader("Authorization")
                .substring(7);
        String[] parts = jwt.split("\\.");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("HS256");
        assertThat(claims.path("iss").asText()).isEqualTo(SERVICE_ID);
        assertThat(claims.path("iat").asLong())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
        assertThat(parts[2]).isEqualTo(expected);
    }

    @Test
    void aRefusalIsAnExceptionSoTheMessageStaysUnsent() {
        notify.stubFor(post("/v2/notifications/email")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"errors\":[{\"error\":\"BadRequestError\",\"message\":\"Missing personalisation\"}],"
                                        + "\"status_code\":400}")));
        assertThatThrownBy(() -> delivery().deliver(message("en"))).hasMessageContaining("Missing personalisation");
    }
}
