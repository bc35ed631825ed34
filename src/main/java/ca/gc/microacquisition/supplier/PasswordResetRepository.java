package ca.gc.microacquisition.supplier;

import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordResetRepository extends JpaRepository<PasswordReset, String> {
}
