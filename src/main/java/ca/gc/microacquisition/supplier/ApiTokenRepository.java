package ca.gc.microacquisition.supplier;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

    @Modifying
    @Query("delete from ApiToken t where t.supplierId = :supplierId and t.expiresAt <= :now")
    int deleteExpired(UUID supplierId, OffsetDateTime now);

    @Modifying
    @Query("delete from ApiToken t where t.supplierId = :supplierId")
    int deleteAllOf(UUID supplierId);

    List<ApiToken> findBySupplierIdOrderByExpiresAtAsc(UUID supplierId);
}
