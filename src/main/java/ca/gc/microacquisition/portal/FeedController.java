package ca.gc.microacquisition.portal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /opportunities.atom} (English), {@code ?lang=fr} for French. */
@RestController
class FeedController {

    private final OpportunityFeed feed;

    FeedController(OpportunityFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/opportunities.atom")
    ResponseEntity<String> atom(@RequestParam(defaultValue = "en") String lang) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed.atom("fr".equals(lang) ? "fr" : "en"));
    }
}
