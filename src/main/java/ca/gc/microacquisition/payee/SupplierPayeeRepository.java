package ca.gc.microacquisition.payee;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierPayeeRepository extends JpaRepository<SupplierPayee, UUID> {}
