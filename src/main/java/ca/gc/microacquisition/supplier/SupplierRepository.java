package ca.gc.microacquisition.supplier;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupplierRepository extends JpaRepository<Supplier, UUID> {

    Optional<Supplier> findByEmail(String email);

    boolean existsByEmail(String email);
}
