package io.masspay.command.batch.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header row of a CSV upload: the item fields of API.md section 2, Destination fields as
 * {@code Destination.X} and the check address as {@code Destination.Address.X}. A column outside this list
 * is refused rather than ignored: in a spreadsheet a misspelt {@code Destination.BeneficiaryBankId} would
 * otherwise silently pay the recipient's default account.
 */
final class CsvColumns {

    static final String DESTINATION = "Destination.";
    static final String ADDRESS = "Destination.Address.";

    static final List<String> ALL = List.of(
            "CustomerTransactionId", "RecipientId", "SendMethodId", "Amount", "Description",
            "Destination.BeneficiaryBankID", "Destination.WalletId", "Destination.CardId", "Destination.Email",
            "Destination.SKU",
            "Destination.Address.Line1", "Destination.Address.Line2", "Destination.Address.City",
            "Destination.Address.State", "Destination.Address.PostalCode", "Destination.Address.Country");

    private static final int LONGEST = ALL.stream().mapToInt(String::length).max().orElseThrow();

    private CsvColumns() {
    }

    static boolean known(String name) {
        return ALL.contains(name);
    }

    /** The column a misspelt name most likely meant: another case, or at most two letters off. */
    static Optional<String> suggestion(String name) {
        if (name.length() > LONGEST + 2) {
            return Optional.empty(); // more than two letters off every column: no need to measure (O(n*m))
        }
        String folded = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), folded) <= 2)
                .min(Comparator.comparingInt(c -> distance(c.toLowerCase(Locale.ROOT), folded)));
    }

    /** Levenshtein distance; the names are short, so the plain two-row table is enough. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
