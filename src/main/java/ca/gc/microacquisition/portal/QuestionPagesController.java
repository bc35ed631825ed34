package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.QuestionService;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in supplier's question about an open opportunity (the other supplier pages: ProposalPagesController,
 * MyPagesController, DeliveryPagesController). Goes through the same domain service as the supplier API.
 */
@Controller
class QuestionPagesController {

    private final OpportunityService opportunities;
    private final QuestionService questions;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    QuestionPagesController(
            OpportunityService opportunities, QuestionService questions, Messages messages, Clock clock, ZoneId zone) {
        this.opportunities = opportunities;
        this.questions = questions;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    // --- questions

    @GetMapping("/{lang:en|fr}/opportunities/{ref}/questions")
    String questionForm(@PathVariable String ref, Model model, Locale locale) {
        return question(model, opportunities.getPublic(ref), locale, "", new FormErrors(), false);
    }

    @PostMapping("/{lang:en|fr}/opportunities/{ref}/questions")
    String ask(
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String question,
            @AuthenticationPrincipal SupplierPrincipal me,
            Model model,
            Locale locale) {
        Opportunity o = opportunities.getPublic(ref);
        FormErrors errors = new FormErrors();
        String text = question.strip();
        if (text.length() < 10 || text.length() > 2000) {
            errors.add("question", messages.get("question.error.length", locale));
            return question(model, o, locale, question, errors, false);
        }
        questions.askQuestion(o.getReference(), me.supplierId(), text);
        return question(model, o, locale, "", errors, true);
    }

    private String question(Model model, Opportunity o, Locale locale, String text, FormErrors errors, boolean sent) {
        model.addAttribute("o", page(o, locale));
        model.addAttribute("question", text);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        return "question";
    }

    private OpportunityPage page(Opportunity o, Locale locale) {
        return OpportunityPage.of(o, locale, zone, null, OffsetDateTime.now(clock));
    }
}
