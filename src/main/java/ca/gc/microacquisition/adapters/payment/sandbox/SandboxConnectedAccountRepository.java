package ca.gc.microacquisition.adapters.payment.sandbox;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox card processor's connected accounts. */
public interface SandboxConnectedAccountRepository extends JpaRepository<SandboxConnectedAccount, String> {

    Optional<SandboxConnectedAccount> findByHolderReference(String holderReference);

    Optional<SandboxConnectedAccount> findByOnboardingToken(String onboardingToken);
}
