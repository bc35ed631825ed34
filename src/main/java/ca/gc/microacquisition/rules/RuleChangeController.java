package ca.gc.microacquisition.rules;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of rule changes, as JSON, newest first: {@code GET /staff/rule-changes[?decisionKey=QaGate][&limit=50]};
 * deleted deployments: {@code GET /staff/rule-changes/deletions[?limit=50]}.
 * For auditors, CFOB and administrators (HTTP Basic with their Camunda account, see
 * {@link ca.gc.microacquisition.security.StaffSecurityConfig}).
 */
@RestController
@RequestMapping("/staff/rule-changes")
class RuleChangeController {

    static final int MAX = 1000;

    private final RuleChangeLog log;

    RuleChangeController(RuleChangeLog log) {
        this.log = log;
    }

    @GetMapping
    List<RuleChange> list(
            @RequestParam(required = false) String decisionKey, @RequestParam(defaultValue = "100") int limit) {
        return log.list(
                decisionKey == null || decisionKey.isBlank() ? null : decisionKey.trim(),
                Math.max(1, Math.min(limit, MAX)));
    }

    /** Deleted deployments (administrators only may delete one), newest first. */
    @GetMapping("/deletions")
    List<DeploymentDeletion> deletions(@RequestParam(defaultValue = "100") int limit) {
        return log.deletions(Math.max(1, Math.min(limit, MAX)));
    }
}
