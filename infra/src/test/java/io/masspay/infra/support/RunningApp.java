package io.masspay.infra.support;

import io.masspay.infra.MassPayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application started by hand on a database of its own, for tests that run outside Spring's test context
 * (jqwik properties, long load runs). Same test settings as {@link MassPayIntegrationTest}.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static RunningApp start(String... extraArgs) {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "--masspay.payouts.initial-backoff=PT0.05S", "--masspay.sandbox.slow-call=PT0.2S",
                "--masspay.rate-limit.requests-per-second=100000", "--masspay.rate-limit.burst=100000",
                "--masspay.rate-limit.auth-failures=100000", "--masspay.admission.concurrent-submissions=1000"));
        args.addAll(List.of(extraArgs));
        return new RunningApp(new SpringApplicationBuilder(MassPayApplication.class).run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
