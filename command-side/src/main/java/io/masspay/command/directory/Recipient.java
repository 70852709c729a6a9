package io.masspay.command.directory;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;

/**
 * What submission needs to know about a recipient: who owns it, which wallet methods fit it, and
 * where a check goes when the item names no address ({@code address} may be null).
 */
public record Recipient(IssuerAccountNumber issuer, RecipientId recipientId, RecipientType type, String country,
                        PostalAddress address) {
}
