package ca.gc.microacquisition.opportunity;

import ca.gc.microacquisition.common.DomainValidationException;
import ca.gc.microacquisition.supplier.SupplierPrincipal;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public opportunities, and suppliers' questions about them. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityApiController {

    private final OpportunityService opportunities;
    private final QuestionService questions;
    private final ZoneId zone;

    OpportunityApiController(OpportunityService opportunities, QuestionService questions, ZoneId zone) {
        this.opportunities = opportunities;
        this.questions = questions;
        this.zone = zone;
    }

    /** Open opportunities; with {@code ?status=all}, every posted one (open and past). */
    @GetMapping
    List<OpportunityView> list(@RequestParam(name = "status", required = false) String status) {
        boolean all;
        if (status == null || status.isBlank() || status.equalsIgnoreCase("open")) {
            all = false;
        } else if (status.equalsIgnoreCase("all")) {
            all = true;
        } else {
            throw new DomainValidationException("status", "must be 'all' (every posted opportunity) or 'open'");
        }
        return opportunities.listPublic(all).stream()
                .map(o -> OpportunityView.of(o, zone, null))
                .toList();
    }

    /** One posted opportunity with its answered questions. */
    @GetMapping("/{ref}")
    OpportunityView get(@PathVariable String ref) {
        Opportunity o = opportunities.getPublic(ref);
        return OpportunityView.of(o, zone, questions.publicQuestions(o.getId()));
    }

    record QuestionRequest(String question) {}

    /** A signed-in supplier asks a question; it is published once answered. */
    @PostMapping("/{ref}/questions")
    ResponseEntity<Map<String, Object>> ask(
            @PathVariable String ref,
            @RequestBody QuestionRequest body,
            @AuthenticationPrincipal SupplierPrincipal me) {
        Question q = questions.askQuestion(ref, me.supplierId(), body.question());
        return ResponseEntity.created(
                        URI.create("/api/opportunities/" + q.getOpportunity().getReference()))
                .body(Map.of("id", q.getId(), "status", "UNANSWERED"));
    }
}
