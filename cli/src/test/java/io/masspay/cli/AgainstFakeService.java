package io.masspay.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Tests of the real command line against a stand-in service on a local port, with a folder for batch files. */
abstract class AgainstFakeService {

    @TempDir
    Path dir;

    FakeService service;
    /** The environment of a user who exported MASSPAY_URL (the stand-in) and MASSPAY_TOKEN. */
    Map<String, String> env;

    @BeforeEach
    void startService() throws IOException {
        service = new FakeService();
        env = Map.of("MASSPAY_URL", service.url(), "MASSPAY_TOKEN", "mpk_test");
    }

    @AfterEach
    void stopService() {
        service.close();
    }
}
