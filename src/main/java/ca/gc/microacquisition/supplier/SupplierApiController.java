package ca.gc.microacquisition.supplier;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier accounts. Registering an address that already has an account answers exactly like a new registration
 * (201 with an id); the owner of the address is e-mailed instead ({@link SupplierService#registerOrTellOwner}).
 */
@RestController
class SupplierApiController {

    private final SupplierService suppliers;

    SupplierApiController(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @PostMapping("/api/suppliers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@RequestBody SupplierRegistration registration) {
        return Map.of("id", suppliers.registerOrTellOwner(registration));
    }
}
