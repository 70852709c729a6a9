package io.masspay.infra.security;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MassPay runs as several stateless nodes on one PostgreSQL: a token signed by one node must be good on
 * every other, without configuration. A node given its own {@code masspay.oauth.signing-key} is a
 * different signer, so it must refuse the others' tokens.
 */
class SharedSigningKeyIT {

    private static final String NO_SUCH_BATCH = "/API/v4/Fund/BatchTransfer/bt_" + "0".repeat(26);

    @Test
    void shouldAcceptOnEveryNodeATokenThatAnyNodeSigned() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        String token;
        try (ConfigurableApplicationContext first = start(db);
             ConfigurableApplicationContext second = start(db)) {
            MassPayApi api = new MassPayApi(http(first));
            Issuer issuer = api.onboardIssuer("USD", "1.00");
            token = OAuthClient.issuedFor(api, issuer.account()).accessToken(http(first));

            http(second).get().uri(NO_SUCH_BATCH).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isNotFound();
            assertThat(second.getBean(SigningKey.class).secretKey().getEncoded())
                    .isEqualTo(first.getBean(SigningKey.class).secretKey().getEncoded());
            assertThat(first.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from oauth_signing_key", Integer.class)).isEqualTo(1);
        }

        byte[] own = new byte[32];
        new SecureRandom().nextBytes(own);
        try (ConfigurableApplicationContext configured = start(db,
                "--masspay.oauth.signing-key=" + Base64.getEncoder().encodeToString(own))) {
            http(configured).get().uri(NO_SUCH_BATCH).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--server.port=0", "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(MassPayApplication.class).run(args.toArray(String[]::new));
    }

    private static WebTestClient http(ConfigurableApplicationContext node) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + node.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
