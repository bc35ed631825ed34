package ca.gc.microacquisition.adapters.payment.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A connected account of the sandbox card processor: what Stripe Connect keeps for the offline default. */
@Entity
@Table(name = "sandbox_connected_account")
public class SandboxConnectedAccount {

    @Id
    @Column(name = "id", nullable = false, length = 64)
    private String id;

    @Column(name = "holder_reference", nullable = false, length = 64, unique = true)
    private String holderReference;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    /** The current single-use onboarding link's secret; null when none is open. */
    @Column(name = "onboarding_token", length = 64, unique = true)
    private String onboardingToken;

    @Column(name = "return_url", length = 1000)
    private String returnUrl;

    @Column(name = "details_submitted", nullable = false)
    private boolean detailsSubmitted;

    @Column(name = "payouts_enabled", nullable = false)
    private boolean payoutsEnabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected SandboxConnectedAccount() {}

    SandboxConnectedAccount(String id, String holderReference, String email, Instant createdAt) {
        this.id = id;
        this.holderReference = holderReference;
        this.email = email;
        this.createdAt = createdAt;
    }

    void openLink(String token, String returnUrl) {
        this.onboardingToken = token;
        this.returnUrl = returnUrl;
    }

    void complete(Instant now) {
        this.detailsSubmitted = true;
        this.payoutsEnabled = true;
        this.completedAt = now;
        this.onboardingToken = null;
    }

    void leave() {
        this.onboardingToken = null;
    }

    public String getId() {
        return id;
    }

    public String getHolderReference() {
        return holderReference;
    }

    public String getEmail() {
        return email;
    }

    public String getReturnUrl() {
        return returnUrl;
    }

    public boolean isDetailsSubmitted() {
        return detailsSubmitted;
    }

    public boolean isPayoutsEnabled() {
        return payoutsEnabled;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
