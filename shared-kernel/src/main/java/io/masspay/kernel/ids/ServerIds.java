package io.masspay.kernel.ids;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Server-generated identifiers: 128 random bits (more than the contract's 122), base64url without
 * padding, behind a short prefix that tells the kind (`bt_`, `tx_`, `WAL-`).
 */
public final class ServerIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ServerIds() {
    }

    public static String random(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + ENCODER.encodeToString(bytes);
    }

    public static BatchId newBatchId() {
        return new BatchId(random("bt_"));
    }

    public static TransactionId newTransactionId() {
        return new TransactionId(random("tx_"));
    }

    public static WalletId newWalletId() {
        return new WalletId(random("WAL-"));
    }
}
