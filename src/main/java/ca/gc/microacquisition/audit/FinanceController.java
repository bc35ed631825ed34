package ca.gc.microacquisition.audit;

import ca.gc.microacquisition.payment.PaymentOutcome;
import ca.gc.microacquisition.payment.PaymentService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's staff endpoints (group {@code finance} and administrators, HTTP Basic with the Camunda user; see
 * security.StaffSecurityConfig): refund a card payment made in error, with a reason, and the reconciliation
 * export. Every refund is recorded on the payment (who, when, why, the processor's refund id) and shows in the
 * procurement's audit trail.
 */
@RestController
@RequestMapping("/staff/finance")
public class FinanceController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The refund request: why the payment is cancelled (at least 10 characters). */
    public record RefundRequest(String reason) {}

    private final PaymentService payments;
    private final FinanceReconciliation reconciliation;

    FinanceController(PaymentService payments, FinanceReconciliation reconciliation) {
        this.payments = payments;
        this.reconciliation = reconciliation;
    }

    @PostMapping(value = "/contracts/{contractId}/refund", produces = MediaType.APPLICATION_JSON_VALUE)
    public PaymentOutcome refund(
            @PathVariable UUID contractId, @RequestBody(required = false) RefundRequest request, Authentication user) {
        return payments.refund(contractId, request == null ? null : request.reason(), user.getName());
    }

    @GetMapping(value = "/reconciliation.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public FinanceReconciliation.Report reconciliationJson(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reconciliation.report(from, to);
    }

    @GetMapping("/reconciliation.csv")
    public ResponseEntity<String> reconciliationCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"finance-reconciliation.csv\"")
                .body(reconciliation.csv(from, to));
    }
}
