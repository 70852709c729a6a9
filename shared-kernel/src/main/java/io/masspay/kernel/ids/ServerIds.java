package io.masspay.kernel.ids;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Server-generated identifiers: the time they were made, then 128 random bits (more than the contract's
 * 122), behind a short prefix that tells the kind (`bt_`, `tx_`, `WAL-`).
 *
 * <p>Why the time first: these ids key the event store's aggregate index and every read model. Random
 * keys spread a 5,000-item batch over thousands of index pages of a grown table, each read, dirtied and,
 * after a checkpoint, written whole to the WAL; keys that start with the time land on a few pages next to
 * each other (ADR 0032). The time is the millisecond in base 62 (digits, then upper, then lower case: ASCII
 * order), 8 characters, so ids sort by the millisecond they were made; letters and digits only, so an id
 * without a prefix (Axon's message identifiers) never starts with a sign that a spreadsheet reads as a
 * formula or a command line as an option. The random part is base64url without padding.
 */
public final class ServerIds {

    /** Base 62 in ASCII order: an id's time part sorts as its number does. */
    private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
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
        // 62^8 milliseconds reach the year 8888.
        char[] time = new char[TIME_CHARS];
        long rest = epochMillis;
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            time[i] = DIGITS[(int) (rest % DIGITS.length)];
            rest /= DIGITS.length;
        }
        return prefix + new String(time) + ENCODER.encodeToString(random);
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
