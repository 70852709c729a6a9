package io.masspay.infra.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree a test can break on purpose: maps, lists, strings, numbers, booleans, {@link #NULL} and
 * {@link Raw} text that is written as is (10,000 nested arrays, {@code 1e400}). Strings are written
 * with every UTF-16 surrogate escaped ({@code \ud800}), so unpaired surrogates reach the server exactly
 * as a hostile client would send them; every other character goes out as UTF-8.
 */
final class HostileJson {

    /** JSON {@code null} (a Java null cannot sit in every collection). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** JSON text written verbatim. */
    record Raw(String json, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Where a value sits: keys of objects and indexes of arrays, from the root. */
    record Path(List<Object> steps) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("$");
            steps.forEach(s -> text.append(s instanceof Integer i ? "[" + i + "]" : "." + s));
            return text.toString();
        }
    }

    private HostileJson() {
    }

    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else {
            out.append(value);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /** Every value below the root, parents before children. */
    static List<Path> paths(Object root) {
        List<Path> paths = new ArrayList<>();
        collect(root, List.of(), paths);
        return paths;
    }

    private static void collect(Object value, List<Object> at, List<Path> paths) {
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> {
                List<Object> next = append(at, k);
                paths.add(new Path(next));
                collect(map.get(k), next, paths);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> next = append(at, i);
                paths.add(new Path(next));
                collect(list.get(i), next, paths);
            }
        }
    }

    /** The objects of the tree, the root included: where an extra field can be added. */
    static List<Map<String, Object>> objects(Object root) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (root instanceof Map<?, ?>) {
            objects.add(cast(root));
        }
        for (Path p : paths(root)) {
            if (get(root, p) instanceof Map<?, ?> map) {
                objects.add(cast(map));
            }
        }
        return objects;
    }

    static Object get(Object root, Path path) {
        Object at = root;
        for (Object step : path.steps()) {
            at = step instanceof Integer i ? ((List<?>) at).get(i) : ((Map<?, ?>) at).get(step);
        }
        return at;
    }

    static void replace(Object root, Path path, Object value) {
        Object parent = get(root, new Path(path.steps().subList(0, path.steps().size() - 1)));
        Object last = path.steps().get(path.steps().size() - 1);
        if (last instanceof Integer i) {
            List<Object> list = cast(parent);
            list.set(i, value);
        } else {
            Map<String, Object> map = cast(parent);
            map.put((String) last, value);
        }
    }

    static void remove(Object root, Path path) {
        Object parent = get(root, new Path(path.steps().subList(0, path.steps().size() - 1)));
        Object last = path.steps().get(path.steps().size() - 1);
        if (last instanceof Integer i) {
            List<Object> list = cast(parent);
            list.remove((int) i);
        } else {
            ((Map<?, ?>) parent).remove(last);
        }
    }

    /** A value for a report: short, whatever its size. */
    static String describe(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        StringBuilder escaped = new StringBuilder();
        text.codePoints().limit(60).forEach(cp -> escaped.append(cp < 0x20 || cp > 0x7e
                ? String.format("\\u{%x}", cp) : String.valueOf((char) cp)));
        return text.length() > 60 ? escaped + "...(" + text.length() + " chars)" : escaped.toString();
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> next = new ArrayList<>(steps);
        next.add(step);
        return next;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
