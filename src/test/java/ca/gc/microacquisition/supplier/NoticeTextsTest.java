package ca.gc.microacquisition.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The notice bundle (notices_en / notices_fr) as the application reads it: every text in both languages, whole. */
class NoticeTextsTest {

    private final ResourceBundleMessageSource texts = texts();

    private static ResourceBundleMessageSource texts() {
        // as Spring Boot configures it (spring.messages.*): UTF-8, no fallback to the system locale
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "notices");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String text(String key, Locale locale, Object... args) {
        return texts.getMessage(key, args, locale);
    }

    @Test
    void withdrawnOpportunityNoticesReadAsTheyDid() {
        Object[] args = {"MA-2026-0001", "Fix the build", "Budget withdrawn"};
        assertThat(text("notice.opportunityCancelledWithReason.subject", Locale.ENGLISH, args))
                .isEqualTo("Opportunity MA-2026-0001 was cancelled");
        assertThat(text("notice.opportunityCancelledWithReason.body", Locale.ENGLISH, args))
                .isEqualTo("The opportunity \"Fix the build\" (MA-2026-0001) was cancelled before award."
                        + "\nReason: Budget withdrawn\nThank you for your proposal.");
        assertThat(text("notice.opportunityCancelled.body", Locale.FRENCH, args))
                .isEqualTo("L'occasion « Fix the build » (MA-2026-0001) a été annulée avant l'attribution."
                        + "\nMerci de votre proposition.");
        assertThat(text("notice.opportunityCancelledWithReason.subject", Locale.FRENCH, args))
                .isEqualTo("L'occasion MA-2026-0001 a été annulée");
        assertThat(text("notice.opportunityClosed.subject", Locale.FRENCH, args))
                .isEqualTo("L'occasion MA-2026-0001 est fermée sans contrat");
        assertThat(text("notice.opportunityClosed.body", Locale.ENGLISH, args))
                .isEqualTo("The opportunity \"Fix the build\" (MA-2026-0001) closed without a completed contract."
                        + "\nReason: Budget withdrawn");
    }

    @Test
    void argumentsAreNotReadAsPatterns() {
        assertThat(text("notice.opportunityClosed.body", Locale.FRENCH, "MA-2026-0002", "L'app {0}", "It's '{1}'"))
                .isEqualTo("L'occasion « L'app {0} » (MA-2026-0002) est fermée sans contrat exécuté."
                        + "\nMotif : It's '{1}'");
    }

    @Test
    void everyNoticeHasBothLanguages() throws IOException {
        Properties en = load("notices_en.properties");
        Properties fr = load("notices_fr.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(fr.stringPropertyNames());
        assertThat(en.stringPropertyNames()).allSatisfy(key -> assertThat(key).startsWith("notice.")
                .matches(k -> k.endsWith(".subject") || k.endsWith(".body"), "a subject or a body"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = NoticeTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
