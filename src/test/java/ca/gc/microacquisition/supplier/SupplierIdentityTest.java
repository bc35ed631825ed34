package ca.gc.microacquisition.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupplierIdentityTest {

    @Test
    void anOrganisationsOwnDomainIdentifiesTheOrganisation() {
        assertThat(SupplierIdentity.of("Alice@Acme.ca")).isEqualTo("org:acme.ca");
        assertThat(SupplierIdentity.of("bob@dev.acme.ca")).isEqualTo("org:acme.ca");
        assertThat(SupplierIdentity.of("carol@acme.ca.")).isEqualTo("org:acme.ca");
        assertThat(SupplierIdentity.of("dan@widgets.co.uk")).isEqualTo("org:widgets.co.uk");
        assertThat(SupplierIdentity.of("eve@mail.widgets.qc.ca")).isEqualTo("org:widgets.qc.ca");
        assertThat(SupplierIdentity.of("a@acme.ca")).isNotEqualTo(SupplierIdentity.of("a@acme.com"));
    }

    @Test
    void aPublicMailServiceIdentifiesOneMailboxHoweverItIsWritten() {
        assertThat(SupplierIdentity.of("Jo.Doe+bid2@gmail.com")).isEqualTo(SupplierIdentity.of("jodoe@googlemail.com"));
        assertThat(SupplierIdentity.of("jo+x@outlook.com")).isEqualTo(SupplierIdentity.of("JO@outlook.com"));
        assertThat(SupplierIdentity.of("jo@gmail.com")).isNotEqualTo(SupplierIdentity.of("ann@gmail.com"));
        assertThat(SupplierIdentity.of("jo.doe@outlook.com")).isNotEqualTo(SupplierIdentity.of("jodoe@outlook.com"));
    }

    @Test
    void reservedTestDomainsIdentifyNobodyButTheMailbox() {
        assertThat(SupplierIdentity.of("a@example.com")).isNotEqualTo(SupplierIdentity.of("b@example.com"));
        assertThat(SupplierIdentity.of("a@shop.test")).isNotEqualTo(SupplierIdentity.of("b@shop.test"));
    }
}
