/**
 * Suppliers: registration, identity and residency, sign-in (user details, API tokens), password reset, notices to
 * suppliers in their language (SupplierNotices; texts in the notices_en / notices_fr bundle), and the supplier
 * account API. Uses notification and common.
 */
package ca.gc.microacquisition.supplier;
