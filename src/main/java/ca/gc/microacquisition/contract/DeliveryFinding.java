package ca.gc.microacquisition.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One code-scanning or secret-scanning finding on a delivery, as the repository host reported it. */
@Entity
@Table(name = "delivery_finding")
public class DeliveryFinding {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id", nullable = false)
    private Delivery delivery;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 100)
    private String tool;

    @Column(name = "rule_id", length = 200)
    private String ruleId;

    @Column(nullable = false, length = 20)
    private String severity;

    @Column(length = 2000)
    private String message;

    @Column(name = "file_path", length = 1000)
    private String path;

    @Column(name = "line_number", nullable = false)
    private int line;

    protected DeliveryFinding() {}

    DeliveryFinding(
            Delivery delivery,
            int position,
            String tool,
            String ruleId,
            String severity,
            String message,
            String path,
            int line) {
        this.id = UUID.randomUUID();
        this.delivery = delivery;
        this.position = position;
        this.tool = tool;
        this.ruleId = ruleId;
        this.severity = severity;
        this.message = message;
        this.path = path;
        this.line = line;
    }

    public UUID getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getTool() {
        return tool;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getSeverity() {
        return severity;
    }

    public String getMessage() {
        return message;
    }

    public String getPath() {
        return path;
    }

    public int getLine() {
        return line;
    }
}
