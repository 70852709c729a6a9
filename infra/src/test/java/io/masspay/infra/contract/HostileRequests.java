package io.masspay.infra.contract;

import io.masspay.infra.support.Endpoints;
import io.masspay.infra.support.Endpoints.Caller;
import io.masspay.infra.support.Endpoints.Endpoint;
import io.masspay.infra.support.TwoIssuers.Owned;
import io.masspay.infra.support.TwoIssuers.Slot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators of hostile requests to any endpoint of {@link Endpoints}: each id in the path is the caller's
 * own, the other issuer's or a hostile string; each query parameter valid, absent or hostile (negative pages,
 * huge numbers, wrong types, unicode, NUL, very long strings); the body valid, broken by mutations or not
 * JSON at all; the token, Content-Type, Accept and even the method sometimes wrong.
 */
final class HostileRequests {

    /** What goes in one position: the caller's own id, the other issuer's id, or this text. */
    record Value(String text, boolean own, boolean others) {
        static Value mine() {
            return new Value(null, true, false);
        }

        static Value theirs() {
            return new Value(null, false, true);
        }

        static Value text(String text) {
            return new Value(text, false, false);
        }

        String resolve(String mine, String theirs) {
            return own ? mine : others ? theirs : text;
        }

        @Override
        public String toString() {
            return own ? "own" : others ? "other issuer's" : HostileJson.describe(text);
        }
    }

    enum Token { PROPER, PROPER_OAUTH, WRONG_KIND, NONE, GARBAGE }

    /** A request as generated, before the fixture's ids and a unique prefix make it concrete. */
    record Request(Endpoint endpoint, List<Value> pathValues, Map<String, Value> query, List<JsonMutation> mutations,
                   String junkBody, Token token, String contentType, String accept, String method) {
        @Override
        public String toString() {
            return method + " " + endpoint.template() + " path=" + pathValues + " query=" + query + " mutations="
                    + mutations + (junkBody == null ? "" : " body=" + HostileJson.describe(junkBody)) + " token="
                    + token + " Content-Type=" + contentType + " Accept=" + accept;
        }
    }

    private HostileRequests() {
    }

    static Arbitrary<Request> requests() {
        return Arbitraries.of(Endpoints.ALL).flatMap(HostileRequests::requestsTo);
    }

    private static Arbitrary<Request> requestsTo(Endpoint endpoint) {
        Arbitrary<List<Value>> path = idValue().list().ofSize(endpoint.slots().size());
        Arbitrary<Map<String, Value>> query = queryValues(endpoint);
        Arbitrary<List<JsonMutation>> mutations = endpoint.hasBody() ? mutation().list().ofMaxSize(3)
                : Arbitraries.just(List.of());
        Arbitrary<String> junk = endpoint.hasBody() ? Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{", "\"x\"", "{\"a\":1,}", "\u00ff\u00fe",
                        "[".repeat(5_000), "a=b&c"))) : Arbitraries.just(null);
        Arbitrary<Token> token = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(Token.PROPER)),
                Tuple.of(3, Arbitraries.just(Token.PROPER_OAUTH)), Tuple.of(1, Arbitraries.just(Token.WRONG_KIND)),
                Tuple.of(1, Arbitraries.of(Token.NONE, Token.GARBAGE)));
        String proper = endpoint.caller() == Caller.CLIENT_CREDENTIALS ? "application/x-www-form-urlencoded"
                : "application/json";
        Arbitrary<String> contentType = endpoint.hasBody() ? Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(proper)),
                Tuple.of(2, Arbitraries.of("text/plain", "", "application/json; charset=ISO-8859-1",
                        "application/x-www-form-urlencoded", "application/json", "text/csv", "application/x-unknown", "*/*",
                        "multipart/form-data; boundary=x", "application/xml"))) : Arbitraries.just("");
        Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("application/xml", "text/csv", "text/html;q=0.9, */*;q=0.1", "garbage",
                        "application/json", "image/png")));
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.just(endpoint.method())),
                Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")));
        return Combinators.combine(path, query, mutations, junk, token, contentType, accept, method)
                .as((p, q, m, j, t, c, a, v) -> new Request(endpoint, p, q, m, j, t, c, a, v));
    }

    private static Arbitrary<Value> idValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Value.mine())),
                Tuple.of(1, Arbitraries.just(Value.theirs())),
                Tuple.of(5, hostileText().map(Value::text)));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("", " ", "\u0000", "PAT-A\u0000", "..", ".", "%", "%00", "null", "-1", "0",
                        "99999999999999999999999", "1e400", "\ud83d\ude00", "\u202ePAT-A", "../../etc/passwd", "\\",
                        "\"", "'", "' or 1=1 --", "<script>", "\r\n", "bt_", "tx_", "WAL-", "evt_", "XTR94502",
                        "XTR94500 ", "xtr94500", "SPN100001", "\u0661\u0662", "e\u0301", "?", "#", "a/b", ";x=1",
                        "{id}", "*", "\u00ff", "\ud800")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.of(65, 256, 1_000, 3_000, 20_000).map("x"::repeat)),
                Tuple.of(1, Arbitraries.of(30, 300).map("\u05d0\ud83d\ude00\u202e"::repeat)));
    }

    private static Arbitrary<Map<String, Value>> queryValues(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.query().keySet());
        names.add("Unknown");
        Arbitrary<Value> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Value.mine())),
                Tuple.of(3, Arbitraries.just((Value) null)),
                Tuple.of(5, Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.of("-1", "0", "-2147483649", "2147483647", "2147483648",
                                "99999999999999999999", "1.5", "abc", "", " ", "\u0000", "1\u0000", "\u0661",
                                "NaN", "1e3", "0x10", "+1", "01", "9".repeat(10_000), "2026-02-30", "2026-13-01",
                                "0000-01-01", "+999999999-12-31", "9999-12-31", "-0001-01-01", "1970-01-01",
                                "2026-11-01T00:00:00Z", "Processing", "success", "Lost", "Delivered",
                                "\ud83d\ude00", "\ud800")),
                        Tuple.of(2, hostileText())).map(Value::text)));
        return value.list().ofSize(names.size()).map(values -> {
            Map<String, Value> query = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Value v = values.get(i);
                if (v != null && !(names.get(i).equals("Unknown") && v.own())) {
                    query.put(names.get(i), v);
                }
            }
            return query;
        });
    }

    private static Arbitrary<JsonMutation> mutation() {
        return JsonMutation.any(Arbitraries.oneOf(Arbitraries.of("Extra", "", "\u0000", "Amount", "Currency",
                "Destination", "Default", "Mode", "Url", "Secret", "__proto__", "\ud800"), Arbitraries.strings().ofMaxLength(12)));
    }

    // --- rendering ---------------------------------------------------------------------------------

    /** The path and query as they go on the wire, every value percent-encoded as UTF-8. */
    static String target(Request request, Owned mine, Owned theirs) {
        List<Value> values = request.pathValues();
        int[] at = {0};
        String path = Endpoints.path(request.endpoint(), slot -> {
            Value v = values.get(at[0]++);
            return encode(v.resolve(mine.value(slot), theirs.value(slot)));
        });
        StringBuilder query = new StringBuilder();
        request.query().forEach((name, v) -> {
            String valid = request.endpoint().query().getOrDefault(name, "x");
            query.append(query.isEmpty() && !path.contains("?") ? "?" : "&").append(name).append('=')
                    .append(encode(v.resolve(valid, valid)));
        });
        return path + query;
    }

    static byte[] body(Request request, Owned mine, String prefix) {
        if (request.junkBody() != null) {
            return request.junkBody().getBytes(StandardCharsets.UTF_8);
        }
        if (!request.endpoint().hasBody()) {
            return null;
        }
        Map<String, Object> root = request.endpoint().body().apply(mine, prefix);
        request.mutations().forEach(m -> m.apply(root));
        if (request.endpoint().caller() == Caller.CLIENT_CREDENTIALS && !request.contentType().contains("json")) {
            StringBuilder form = new StringBuilder();
            root.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=')
                    .append(encode(v instanceof String s ? s : HostileJson.render(v))));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return HostileJson.render(root).getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes every byte that is not unreserved (RFC 3986); an unpaired surrogate goes as '?'. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
