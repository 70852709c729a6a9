package io.masspay.command.directory;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;

/** What submission needs to know about a recipient: who owns it and which wallet methods fit it. */
public record Recipient(IssuerAccountNumber issuer, RecipientId recipientId, RecipientType type, String country) {
}
