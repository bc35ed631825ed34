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

    /** The texts as ContractService and PayeeService wrote them before they moved to the bundle. */
    @Test
    void contractAndPayoutNoticesReadAsTheyDid() {
        String ref = "MA-2026-0003";
        String title = "Fix the build";
        String price = "8500.00";
        String why = "The work was not delivered by the due date.";
        String debrief = "C1: PASS — clear plan.";
        assertThat(text("notice.contractTerminated.subject", Locale.FRENCH, ref, title, why))
                .isEqualTo("Contrat résilié : " + ref);
        assertThat(text("notice.contractTerminated.body", Locale.ENGLISH, ref, title, why))
                .isEqualTo("Your contract for \"" + title + "\" (" + ref + ") was terminated.\nReason: " + why);
        assertThat(text("notice.contractTerminated.body", Locale.FRENCH, ref, title, why))
                .isEqualTo("Votre contrat pour « " + title + " » (" + ref + ") a été résilié.\nMotif : " + why);
        assertThat(text("notice.workAccepted.body", Locale.ENGLISH, ref, title, price))
                .isEqualTo("Your work for \"" + title + "\" (" + ref + ") was accepted. Payment of $" + price
                        + " CAD follows.");
        assertThat(text("notice.workAccepted.body", Locale.FRENCH, ref, title, price))
                .isEqualTo("Votre travail pour « " + title + " » (" + ref + ") a été accepté. Le paiement de " + price
                        + " $ CAD suivra.");
        assertThat(text("notice.paid.subject", Locale.ENGLISH, ref, title, price))
                .isEqualTo("Payment made: " + ref);
        assertThat(text("notice.paid.body", Locale.ENGLISH, ref, title, price))
                .isEqualTo("The payment of $" + price + " CAD for \"" + title + "\" (" + ref
                        + ") was made. The contract is closed. Thank you for your work.");
        assertThat(text("notice.paid.body", Locale.FRENCH, ref, title, price))
                .isEqualTo("Le paiement de " + price + " $ CAD pour « " + title + " » (" + ref
                        + ") a été effectué. Le contrat est clos. Merci de votre travail.");
        assertThat(text("notice.debrief.subject", Locale.FRENCH, ref, title, debrief))
                .isEqualTo("Résultat pour " + ref + " : proposition non retenue");
        assertThat(text("notice.debrief.body", Locale.ENGLISH, ref, title, debrief))
                .isEqualTo(
                        "Another proposal was awarded the contract for \"" + title + "\" (" + ref + ").\n\n" + debrief);
        assertThat(text("notice.payoutSetupNeeded.subject", Locale.FRENCH, ref))
                .isEqualTo("Indiquez comment vous serez payé avant l'attribution (" + ref + ")");
        assertThat(text("notice.payoutSetupNeeded.body", Locale.ENGLISH, ref))
                .isEqualTo("Your proposal for " + ref + " was received. You have not yet set up how you get paid. "
                        + "A contract is awarded only to a supplier who can be paid: if your proposal is drawn and "
                        + "you still cannot be paid, it is passed over and the next passing proposal is taken. "
                        + "Set it up in your account, under \"How you get paid\".");
        assertThat(text("notice.payoutSetupNeeded.body", Locale.FRENCH, ref))
                .isEqualTo(
                        "Votre proposition pour " + ref + " a été reçue. Vous n'avez pas encore indiqué comment vous "
                                + "serez payé. Un contrat n'est attribué qu'à un fournisseur qui peut être payé : si votre "
                                + "proposition est tirée et que vous ne pouvez toujours pas être payé, elle est écartée et la "
                                + "proposition retenue suivante est prise. Faites-le dans votre compte, sous « Comment vous "
                                + "êtes payé ».");
        assertThat(text("notice.payoutNotReady.subject", Locale.ENGLISH, ref))
                .isEqualTo("Your proposal was passed over: you cannot be paid yet (" + ref + ")");
        assertThat(text("notice.payoutNotReady.body", Locale.ENGLISH, ref))
                .isEqualTo("Your proposal for " + ref + " was drawn, but you have not finished setting up how you get "
                        + "paid, so the contract cannot be awarded to you. The next passing proposal is taken.");
        assertThat(text("notice.payoutNotReady.body", Locale.FRENCH, ref))
                .isEqualTo(
                        "Votre proposition pour " + ref + " a été tirée, mais vous n'avez pas fini d'indiquer comment "
                                + "vous serez payé : le contrat ne peut pas vous être attribué. La proposition retenue suivante "
                                + "est prise.");
    }

    @Test
    void proposalAwardDeliveryAndQuestionNoticesReadAsTheyDid() {
        String ref = "MA-2026-0003";
        String title = "Translate the widget";
        String deadline = "2026-03-05T17:00Z";
        assertThat(text("notice.proposalReceived.body", Locale.ENGLISH, ref, title, deadline))
                .isEqualTo("We received your proposal for \"" + title + "\" (" + ref + ").\n"
                        + "Evaluation starts after the proposal deadline, " + deadline + " (UTC).");
        assertThat(text("notice.proposalReceived.body", Locale.FRENCH, ref, title, deadline))
                .isEqualTo("Nous avons reçu votre proposition pour « " + title + " » (" + ref + ").\n"
                        + "L'évaluation commence après la date limite, " + deadline + " (UTC).");
        assertThat(text(
                        "notice.awarded.body",
                        Locale.ENGLISH,
                        ref,
                        title,
                        "8500.00",
                        "2026-1",
                        "MIT",
                        "local://esdc/w",
                        "2026-03-15T17:00Z"))
                .isEqualTo("Your proposal for \"" + title + "\" (" + ref + ") was selected.\n"
                        + "Contract price: $8500.00 CAD, terms 2026-1, licence MIT.\nDeliver a pull/merge request on "
                        + "local://esdc/w by 2026-03-15T17:00Z (UTC).");
        assertThat(text(
                        "notice.awarded.body",
                        Locale.FRENCH,
                        ref,
                        title,
                        "8500.00",
                        "2026-1",
                        "MIT",
                        "local://esdc/w",
                        "2026-03-15T17:00Z"))
                .isEqualTo("Votre proposition pour « " + title + " » (" + ref + ") a été retenue.\n"
                        + "Prix du contrat : 8500.00 $ CAD, conditions 2026-1, licence MIT.\nLivrez une demande de "
                        + "fusion sur local://esdc/w au plus tard le 2026-03-15T17:00Z (UTC).");
        assertThat(text("notice.dueDateExtended.body", Locale.FRENCH, ref, "2026-03-20T17:00Z"))
                .isEqualTo("L'échéance de votre contrat pour " + ref + " est maintenant le 2026-03-20T17:00Z (UTC).");
        assertThat(text(
                        "notice.changesRequested.body",
                        Locale.ENGLISH,
                        ref,
                        "local://esdc/w/pull/b",
                        "Add tests.",
                        "2026-03-20T17:00Z"))
                .isEqualTo("Your delivery local://esdc/w/pull/b for " + ref
                        + " needs changes:\nAdd tests.\n\nDeliver again by 2026-03-20T17:00Z (UTC).");
        assertThat(text("notice.questionAnswered.body", Locale.FRENCH, ref, title, "Java 17?", "Oui."))
                .isEqualTo("Votre question sur « " + title + " » (" + ref + ") a reçu une réponse publique :\n\n"
                        + "Java 17?\n\nRéponse : Oui.");
        assertThat(text("notice.questionClosed.subject", Locale.ENGLISH, ref, title, "Java 17?", "Too late."))
                .isEqualTo("Your question on " + ref + " was closed without an answer");
        assertThat(text("notice.questionClosed.body", Locale.ENGLISH, ref, title, "Java 17?", "Too late."))
                .isEqualTo("Your question on \"" + title + "\" (" + ref + ") was closed without a public answer:\n\n"
                        + "Java 17?\n\nReason: Too late.");
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
        assertThat(en.stringPropertyNames())
                .allSatisfy(key -> assertThat(key)
                        .startsWith("notice.")
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
