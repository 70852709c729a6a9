package io.masspay.infra.contract;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;

/**
 * The one runtime code a request can get (API.md section 8): with its database gone, the service
 * answers 503 SERVICE_UNAVAILABLE in the contract body, not a hang, not a 500. The database is dropped
 * under the running application, which is then closed; the full outage-and-recovery drill is the
 * fault-injection suite's.
 */
class DatabaseUnavailableIT {

    @Test
    void shouldAnswer503WhenTheDatabaseIsUnreachable() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MassPayApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN)) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            MassPayApi api = new MassPayApi(http);
            Issuer issuer = api.onboardIssuer("USD", "10.00");
            api.recipient(issuer, "PAT-1", "Individual");

            dropUnderTheApplication(db);

            api.submit(issuer, batch(issuer, List.of(walletItem("T1", "PAT-1", "XTR94502", "1.00"))))
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("SERVICE_UNAVAILABLE");
            api.status(issuer, "bt_any", "").expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("SERVICE_UNAVAILABLE");
        }
    }

    private static void dropUnderTheApplication(TestPostgres.Database db) throws Exception {
        String url = db.url().replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        String name = db.url().replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection admin = DriverManager.getConnection(url, db.user(), db.password())) {
            admin.createStatement().execute("drop database " + name + " with (force)");
        }
    }
}
