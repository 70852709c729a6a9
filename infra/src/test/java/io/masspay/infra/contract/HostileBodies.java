package io.masspay.infra.contract;

import io.masspay.infra.contract.HostileJson.Raw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generators of hostile submissions: a valid batch broken by a few mutations (a field removed, a value
 * of the wrong JSON type, an extra field, huge or strange strings, deep nesting), or a body that is
 * not a batch at all (empty, truncated, not UTF-8, nested 10,000 deep). Each try makes its ids unique
 * with a prefix, so what one try claims can never be mistaken for another's.
 */
final class HostileBodies {

    /** The onboarded issuer and recipients the valid base batch pays. */
    record Fixture(String issuerAccount, String walletId) {
    }

    /** A body as sent, and the CustomerTransactionIds (strings) it names. */
    record Rendered(byte[] bytes, Set<String> customerTransactionIds) {
    }

    interface HostileBody {
        Rendered render(Fixture fixture, String prefix);
    }

    private static final String BAD_BYTES_MARK = "ZZBADZZ";

    private HostileBodies() {
    }

    static Arbitrary<HostileBody> bodies() {
        return Arbitraries.frequencyOf(Tuple.of(8, mutatedBatches()), Tuple.of(2, notABatch()));
    }

    // --- a valid batch, then broken ---------------------------------------------------------------

    record MutatedBatch(List<Integer> itemKinds, List<JsonMutation> mutations) implements HostileBody {
        @Override
        public Rendered render(Fixture fixture, String prefix) {
            Object root = baseBatch(fixture, prefix, itemKinds);
            mutations.forEach(m -> m.apply(root));
            return new Rendered(HostileJson.render(root).getBytes(StandardCharsets.UTF_8), idsIn(root));
        }
    }

    private static Arbitrary<HostileBody> mutatedBatches() {
        Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(0, 7).list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(kinds, JsonMutation.any(keys()).list().ofMinSize(1).ofMaxSize(4))
                .as(MutatedBatch::new);
    }

    static Arbitrary<Object> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings()),
                Tuple.of(2, numbers()),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> b)),
                Tuple.of(1, Arbitraries.just(HostileJson.NULL)),
                Tuple.of(2, containers()),
                Tuple.of(1, deepNesting()));
    }

    private static Arbitrary<Object> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("", " ", "\u0000", "PAT-1\u0000", "\ud800", "x\udc00y", "\udbff\udfff",
                        "\u202ePAT-1", "PAT-1\u200f", "\u200b", "😀", "PAT-1 ", " XTR94500", "XTR94500\u0000",
                        "\u0661\u0662\u0663", "\uff11.\uff10\uff10", "1.00\u0000", "e\u0301", "<script>alert(1)</script>",
                        "' or 1=1 --", "%00", "../../etc/passwd", "\\", "\"", "\r\n", "null", "US\u0000",
                        "SPN\u0000", "WAL-\u0000", "BNK-1\u202e", "a@b.c\u0000", "1e3", "-0", "NaN")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 3_000_000).map(n -> "x".repeat(n))),
                Tuple.of(1, Arbitraries.integers().between(100, 500_000).map(n -> "\u05d0😀\u202e".repeat(n))))
                .map(s -> s);
    }

    private static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(n -> n),
                Arbitraries.doubles().map(d -> d),
                Arbitraries.of(new Raw("1e400", "1e400"), new Raw("-0", "-0"), new Raw("1E-400", "1E-400"),
                        new Raw("1".repeat(400), "400 digits"), new Raw("9".repeat(5_000) + ".5", "5000 digits")));
    }

    private static Arbitrary<Object> containers() {
        return Arbitraries.of(
                List.of(), Map.of(), List.of("PAT-1", 1, true), Map.of("a", 1), List.of(Map.of("Amount", "1.00")),
                Map.of("Line1", List.of()), List.of(List.of(List.of())));
    }

    private static Arbitrary<Object> deepNesting() {
        return Arbitraries.of(2, 100, 499, 500, 501, 999, 1_000, 1_001, 5_000, 10_000).flatMap(depth -> Arbitraries.of(
                new Raw("[".repeat(depth) + "]".repeat(depth), depth + " nested arrays"),
                new Raw("{\"a\":".repeat(depth) + "{}" + "}".repeat(depth), depth + " nested objects")));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("Extra", "", "\u0000", "Items", "Amount", "Destination", "Address", "__proto__",
                        "IssuerAccountNumber ", "\ud800", "EmailNotification", "CustomerTransactionId"),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    // --- not a batch at all -------------------------------------------------------------------------

    record Literal(String text) implements HostileBody {
        @Override
        public Rendered render(Fixture fixture, String prefix) {
            return new Rendered(text.getBytes(StandardCharsets.UTF_8), Set.of());
        }

        @Override
        public String toString() {
            return "Literal[" + HostileJson.describe(text) + "]";
        }
    }

    record Truncated(List<Integer> itemKinds, int percent) implements HostileBody {
        @Override
        public Rendered render(Fixture fixture, String prefix) {
            Object root = baseBatch(fixture, prefix, itemKinds);
            byte[] whole = HostileJson.render(root).getBytes(StandardCharsets.UTF_8);
            byte[] cut = java.util.Arrays.copyOf(whole, Math.min(whole.length - 1, whole.length * percent / 100));
            return new Rendered(cut, idsIn(root));
        }
    }

    /** A valid batch with bytes that are not UTF-8 spliced into a string (Latin-1 é, 0xFF, an overlong NUL...). */
    record NotUtf8(List<Integer> itemKinds, List<Integer> badBytes) implements HostileBody {
        @Override
        public Rendered render(Fixture fixture, String prefix) {
            Object root = baseBatch(fixture, prefix, itemKinds);
            String text = HostileJson.render(root).replaceFirst("\"payout\"", "\"" + BAD_BYTES_MARK + "\"");
            int at = text.indexOf(BAD_BYTES_MARK);
            byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] tail = text.substring(at + BAD_BYTES_MARK.length()).getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + badBytes.size() + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            for (int i = 0; i < badBytes.size(); i++) {
                body[head.length + i] = (byte) (int) badBytes.get(i);
            }
            System.arraycopy(tail, 0, body, head.length + badBytes.size(), tail.length);
            return new Rendered(body, idsIn(root));
        }
    }

    private static Arbitrary<HostileBody> notABatch() {
        Arbitrary<List<Integer>> kinds = Arbitraries.integers().between(0, 7).list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\n\t ", "null", "[]", "{}", "\"text\"", "42", "true", "{\"Items\":",
                        "\ufeff{}", "{\"Items\": [] } {}", "{\"a\":1,}", "[" .repeat(10_000) + "]".repeat(10_000),
                        "{\"Items\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                        "{\"Items\": \"\\ud800\"}").map(Literal::new),
                Combinators.combine(kinds, Arbitraries.integers().between(0, 99)).as(Truncated::new),
                Combinators.combine(kinds, Arbitraries.of(List.of(0xE9), List.of(0xFF), List.of(0xC0, 0x80),
                        List.of(0xED, 0xA0, 0x80), List.of(0xF8, 0x88, 0x80, 0x80, 0x80), List.of(0x80))).as(NotUtf8::new));
    }

    // --- the valid base ---------------------------------------------------------------------------

    static Object baseBatch(Fixture fixture, String prefix, List<Integer> itemKinds) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < itemKinds.size(); i++) {
            items.add(item(itemKinds.get(i), prefix + "T" + i));
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("IssuerAccountNumber", fixture.issuerAccount());
        batch.put("SourceWalletId", fixture.walletId());
        batch.put("CustomerBatchId", prefix + "B");
        batch.put("EmailNotification", false);
        batch.put("Items", items);
        return batch;
    }

    /** One valid item of each send method (HostileSubmissionIT onboards PAT-1, ORG-1, BNK-1 and CRD-1). */
    private static Map<String, Object> item(int kind, String customerTransactionId) {
        Map<String, Object> destination = new LinkedHashMap<>();
        String[] method = {"XTR94502", "XTR94504", "XTR94500", "XTR94500", "XTR94503", "XTR94505", "XTR94507",
                "XTR94508"};
        switch (kind) {
            case 3 -> destination.put("BeneficiaryBankID", "BNK-1");
            case 5 -> {
                destination.put("Email", "pat@example.com");
                destination.put("SKU", "AMZ-US-25");
            }
            case 6 -> destination.put("Address", new LinkedHashMap<>(Map.of("Line1", "1 Main St", "City", "Springfield",
                    "State", "IL", "PostalCode", "62701", "Country", "US")));
            case 7 -> destination.put("CardId", "CRD-1");
            default -> {
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("CustomerTransactionId", customerTransactionId);
        item.put("RecipientId", kind == 1 ? "ORG-1" : "PAT-1");
        item.put("SendMethodId", method[kind]);
        item.put("Amount", "1.00");
        item.put("Description", "payout");
        item.put("Destination", destination);
        return item;
    }

    /** The CustomerTransactionIds of the tree's items that are still strings. */
    private static Set<String> idsIn(Object root) {
        Set<String> ids = new LinkedHashSet<>();
        if (root instanceof Map<?, ?> batch && batch.get("Items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && map.get("CustomerTransactionId") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
