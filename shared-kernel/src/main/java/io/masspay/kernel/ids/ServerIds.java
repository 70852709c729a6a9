package io.masspay.kernel.ids;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Server-generated identifiers: the time they were made, then 128 random bits (more than the contract's
 * 122), behind a short prefix that tells the kind (`bt_`, `tx_`, `WAL-`).
 *
 * <p>Why the time first: these ids key the event store's aggregate index and every read model. Random
 * keys spread a 5,000-item batch over thousands of index pages of a grown table, each read, dirtied and,
 * after a checkpoint, written whole to the WAL; keys that start with the time land on a few pages at
 * the index's right edge (ADR 0032). The time takes 8 characters drawn from base64url's own 64 characters
 * in ASCII order, so ids sort by the millisecond they were made and keep base64url's character set; the
 * random part is base64url without padding.
 */
public final class ServerIds {

    /** The base64url characters in ASCII order: an id's time part sorts as its number does. */
    private static final char[] ORDERED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final int TIME_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ServerIds() {
    }

    /** A new id with this prefix: the current millisecond (8 characters), then 128 random bits (22). */
    public static String newId(String prefix) {
        return newId(prefix, System.currentTimeMillis());
    }

    static String newId(String prefix, long epochMillis) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        StringBuilder id = new StringBuilder(prefix.length() + TIME_CHARS + 22).append(prefix);
        // 8 characters of 6 bits hold 48 bits of milliseconds: enough until the year 10889.
        for (int shift = 6 * (TIME_CHARS - 1); shift >= 0; shift -= 6) {
            id.append(ORDERED[(int) (epochMillis >>> shift) & 63]);
        }
        return id.append(ENCODER.encodeToString(random)).toString();
    }

    public static BatchId newBatchId() {
        return new BatchId(newId("bt_"));
    }

    public static TransactionId newTransactionId() {
        return new TransactionId(newId("tx_"));
    }

    public static WalletId newWalletId() {
        return new WalletId(newId("WAL-"));
    }
}
