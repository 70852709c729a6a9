package io.masspay.infra.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the contract text ({@code docs/API.md}, a copy of the shared API.md) says, read the way a person
 * reads it: the endpoints named as {@code METHOD /path}, the field names in its JSON examples and inline
 * bodies, its fenced JSON examples and the error catalog of section 8.
 */
final class ApiMarkdown {

    static final Path FILE = Path.of("..", "docs", "API.md");

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) ([^`\\s]+)");
    private static final Pattern FENCED_JSON = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*\\{[^`]*)`");
    /** A quoted name not written after a colon or a bar: a key, not a value ({@code "Status": "Up"|"Down"}). */
    private static final Pattern KEY = Pattern.compile("(?<![:|]\\s?)\"([A-Za-z][A-Za-z0-9_]*)\"");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+[A-Z])`");

    private final String text;

    private ApiMarkdown(String text) {
        this.text = text;
    }

    static ApiMarkdown read() {
        try {
            return new ApiMarkdown(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Endpoint(String method, String path) {

        /** The path with its query string cut and its variables unnamed: {@code /A/{}/B}. */
        String normalized() {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return bare.replaceAll("\\{[^}]*}", "{}");
        }

        /** {@code POST .../Webhook/Deliveries/{EventId}/Redeliver}: written relative to the line before it. */
        boolean relative() {
            return path.startsWith("...");
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(text);
        while (m.find()) {
            // `POST {base-url}/payouts`: the protocol a rail provider serves (section 3), not an endpoint of ours
            if (!m.group(2).startsWith("{base-url}")) {
                endpoints.add(new Endpoint(m.group(1), m.group(2)));
            }
        }
        return endpoints;
    }

    /** The fenced {@code ```json} examples, in the order they appear. */
    List<String> jsonExamples() {
        List<String> examples = new ArrayList<>();
        Matcher m = FENCED_JSON.matcher(text);
        while (m.find()) {
            examples.add(m.group(1));
        }
        return examples;
    }

    /** Every field name of a body: in the JSON examples and in the inline bodies of the endpoint lists. */
    Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        List<String> bodies = new ArrayList<>(jsonExamples());
        Matcher spans = CODE_SPAN.matcher(FENCED_JSON.matcher(text).replaceAll(""));
        while (spans.find()) {
            bodies.add(spans.group(1));
        }
        for (String body : bodies) {
            Matcher keys = KEY.matcher(body);
            while (keys.find()) {
                names.add(keys.group(1));
            }
        }
        return names;
    }

    /** The catalog of section 8, as listed there. */
    Set<String> errorCodes() {
        String section = text.substring(text.indexOf("## 8."), text.indexOf("## 9."));
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(section);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
