package ca.gc.microacquisition.payee;

/**
 * Who the connected account is for.
 *
 * @param reference this service's id for the supplier (kept in the account's metadata)
 * @param email     the supplier's e-mail, pre-filled in the onboarding
 * @param name      the supplier's display name
 * @param language  {@code en} or {@code fr}
 */
public record PayoutHolder(String reference, String email, String name, String language) {}
