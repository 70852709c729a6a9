package io.masspay.infra.contract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Map;

/**
 * One small edit that breaks a valid JSON body ({@link HostileJson}'s maps and lists) in one place: a value
 * removed, replaced by a hostile one, or a field added. The selector picks the place among all of them, so a
 * shrunk failure names the smallest edit that still breaks the service.
 */
sealed interface JsonMutation {

    void apply(Object root);

    /** Any of the three edits, with hostile values and these field names for the added ones. */
    static Arbitrary<JsonMutation> any(Arbitrary<String> keys) {
        Arbitrary<Integer> selector = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.oneOf(
                selector.map(Remove::new),
                Combinators.combine(selector, HostileBodies.values()).as(Replace::new),
                Combinators.combine(selector, keys, HostileBodies.values()).as(AddField::new));
    }

    record Remove(int selector) implements JsonMutation {
        @Override
        public void apply(Object root) {
            List<HostileJson.Path> paths = HostileJson.paths(root);
            if (!paths.isEmpty()) {
                HostileJson.remove(root, paths.get(selector % paths.size()));
            }
        }
    }

    record Replace(int selector, Object value) implements JsonMutation {
        @Override
        public void apply(Object root) {
            List<HostileJson.Path> paths = HostileJson.paths(root);
            if (!paths.isEmpty()) {
                HostileJson.replace(root, paths.get(selector % paths.size()), HostileJson.deepCopy(value));
            }
        }

        @Override
        public String toString() {
            return "Replace[" + selector + " <- " + HostileJson.describe(value) + "]";
        }
    }

    record AddField(int selector, String key, Object value) implements JsonMutation {
        @Override
        public void apply(Object root) {
            List<Map<String, Object>> objects = HostileJson.objects(root);
            if (!objects.isEmpty()) {
                objects.get(selector % objects.size()).put(key, HostileJson.deepCopy(value));
            }
        }

        @Override
        public String toString() {
            return "AddField[" + selector + " " + HostileJson.describe(key) + " <- " + HostileJson.describe(value) + "]";
        }
    }
}
