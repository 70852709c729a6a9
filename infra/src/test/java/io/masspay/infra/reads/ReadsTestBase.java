package io.masspay.infra.reads;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every read-side IT starts from: the running app, its database, and the API helpers. */
@MassPayIntegrationTest
abstract class ReadsTestBase {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    ReadsApi reads;

    @BeforeEach
    void setUpApis() {
        api = new MassPayApi(http);
        reads = new ReadsApi(http);
    }
}
