package ca.gc.microacquisition.proposal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfIdentificationRepository extends JpaRepository<SelfIdentification, UUID> {}
