package io.masspay.infra.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation names files that exist: every relative link of the README, {@code docs/} and
 * {@code bench/RESULTS.md}, and every file path written in backticks there ({@code bench/bench.py}), resolves to a
 * file or folder of the repository. A rename that forgets the docs fails here, not in a reader's clone.
 */
class DocumentedPathsTest {

    /** The repository root, seen from the infra module where this test runs. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("]\\(([^)#:\\s]+)(#[^)]*)?\\)");
    private static final Pattern CODE_PATH = Pattern.compile(
            "`((?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+\\.(?:java|md|sql|py|yaml|yml|sh|json|csv|png))`");
    /** Written by the benchmark when it runs, never committed. */
    private static final String GENERATED = "bench/results/";

    @Test
    void everyPathTheDocumentationNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> documents = documents();
        assertThat(documents).as("documents read").hasSizeGreaterThan(20);
        for (Path document : documents) {
            String text = Files.readString(document);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                check(document, document.getParent().resolve(link.group(1)), link.group(1), missing);
            }
            Matcher code = CODE_PATH.matcher(text);
            while (code.find()) {
                if (!code.group(1).startsWith(GENERATED)) {
                    check(document, ROOT.resolve(code.group(1)), code.group(1), missing);
                }
            }
        }
        assertThat(missing).as("paths named by the documentation that do not exist").isEmpty();
    }

    private static void check(Path document, Path target, String written, List<String> missing) {
        if (!Files.exists(target.normalize())) {
            missing.add(ROOT.relativize(document) + ": " + written);
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("bench/RESULTS.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        return documents;
    }
}
