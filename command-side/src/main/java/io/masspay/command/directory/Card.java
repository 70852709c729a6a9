package io.masspay.command.directory;

import io.masspay.kernel.ids.RecipientId;

public record Card(String cardId, RecipientId recipientId, String last4, String network, boolean isDefault) {
}
