package ca.gc.microacquisition.portal;

import ca.gc.microacquisition.opportunity.Opportunity;
import ca.gc.microacquisition.opportunity.OpportunityService;
import ca.gc.microacquisition.opportunity.OpportunityStatus;
import ca.gc.microacquisition.opportunity.QuestionService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the list of opportunities, one opportunity, and the pages that explain the service. */
@Controller
class PublicPagesController {

    private final OpportunityService opportunities;
    private final QuestionService questions;
    private final Clock clock;
    private final ZoneId zone;

    PublicPagesController(OpportunityService opportunities, QuestionService questions, Clock clock, ZoneId zone) {
        this.opportunities = opportunities;
        this.questions = questions;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/en/";
    }

    @GetMapping({"/{lang:en|fr}", "/{lang:en|fr}/"})
    String list(
            @org.springframework.web.bind.annotation.RequestParam(required = false) String signedOut,
            Model model,
            Locale locale) {
        model.addAttribute("signedOut", signedOut != null);
        model.addAllAttributes(listModel(opportunities.listPublic(true), locale, zone, now()));
        return "list";
    }

    /** Open ones first (soonest deadline first), then the others (newest first). */
    static java.util.Map<String, Object> listModel(
            List<Opportunity> posted, Locale locale, ZoneId zone, OffsetDateTime now) {
        List<OpportunityPage> open = posted.stream()
                .filter(o -> o.getStatus() == OpportunityStatus.OPEN)
                .sorted(java.util.Comparator.comparing(Opportunity::getProposalDeadline))
                .map(o -> OpportunityPage.of(o, locale, zone, null, now))
                .toList();
        List<OpportunityPage> past = posted.stream()
                .filter(o -> o.getStatus() != OpportunityStatus.OPEN)
                .map(o -> OpportunityPage.of(o, locale, zone, null, now))
                .toList();
        return java.util.Map.of("open", open, "past", past);
    }

    @GetMapping("/{lang:en|fr}/opportunities/{ref}")
    String detail(@PathVariable String ref, Model model, Locale locale) {
        Opportunity o = opportunities.getPublic(ref);
        model.addAttribute("o", OpportunityPage.of(o, locale, zone, questions.publicQuestions(o.getId()), now()));
        return "detail";
    }

    @GetMapping({"/{lang:en|fr}/terms", "/{lang:en|fr}/eligibility", "/{lang:en|fr}/how-it-works"})
    String information(HttpServletRequest request, Model model) {
        String page = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        model.addAttribute("messages", InformationPages.messagePrefix(page));
        return InformationPages.TEMPLATE;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
