package ca.gc.microacquisition.subscription;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    Optional<Subscription> findByEmail(String email);

    Optional<Subscription> findByToken(String token);

    List<Subscription> findByStatus(Subscription.Status status);
}
