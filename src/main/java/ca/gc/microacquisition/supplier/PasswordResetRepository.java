package ca.gc.microacquisition.supplier;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, String> {

    /** Marks every unused link of the supplier as used; returns how many. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordReset r set r.usedAt = :now where r.supplierId = :supplierId and r.usedAt is null")
    int useAll(UUID supplierId, OffsetDateTime now);
}
