package io.masspay.kernel.error;

/**
 * Caps a client's value where an answer or a stored event repeats it: a rejection names the offending value
 * and field, and a 2 MB SendMethodId must neither be echoed whole nor kept forever in BatchSubmitted. No valid
 * value comes near the cap (ids are at most 64 characters), so only hostile input is ever cut.
 */
public final class Echo {

    /** The most characters of a client's value an answer or an event repeats. */
    public static final int MAX_CHARS = 256;
    private static final String CUT = "...";

    private Echo() {
    }

    public static String cap(String value) {
        return cap(value, MAX_CHARS);
    }

    public static String cap(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - CUT.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a character in two
        }
        return value.substring(0, end) + CUT + " (" + value.length() + " characters)";
    }
}
