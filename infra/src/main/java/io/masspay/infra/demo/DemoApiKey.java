package io.masspay.infra.demo;

import io.masspay.infra.security.Credentials;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The demo issuer's API key, the same on every run, so a second {@code ./masspay run} neither adds a key nor
 * breaks the {@code MASSPAY_TOKEN} a user exported. Like every key it is stored in the database only as a hash;
 * its plaintext is kept in a local file (default {@code .masspay/demo-api-key}: gitignored, readable by its owner
 * only), from which the next run prints it again. A kept key the database does not know (the database was reset,
 * or another one is used) is replaced by a new one.
 */
@Component
@ConditionalOnProperty(name = "masspay.demo.enabled", havingValue = "true")
class DemoApiKey {

    private static final Logger log = LoggerFactory.getLogger(DemoApiKey.class);

    record Key(String value, boolean kept) {
    }

    private final Credentials credentials;
    private final Path file;

    DemoApiKey(Credentials credentials, @Value("${masspay.demo.key-file:.masspay/demo-api-key}") Path file) {
        this.credentials = credentials;
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    Key of(IssuerAccountNumber issuer) {
        Optional<String> kept = read().filter(key -> credentials.issuerForApiKey(key).filter(issuer::equals).isPresent());
        if (kept.isPresent()) {
            return new Key(kept.get(), true);
        }
        String issued = credentials.issue(issuer).apiKey();
        write(issued);
        return new Key(issued, false);
    }

    private Optional<String> read() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(key -> !key.isEmpty()) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private void write(String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the key still works for this run; the next one issues another
            log.warn("Could not keep the demo API key in {} ({}): the next run will issue a new one", file, e.getMessage());
        }
    }
}
