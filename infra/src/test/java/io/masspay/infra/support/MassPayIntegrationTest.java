package io.masspay.infra.support;

import io.masspay.infra.MassPayApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, against a PostgreSQL database of the test class's own
 * ({@link FreshDatabase}); the context is closed after the class, so classes never share state.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                // rails answer fast and retry fast in tests; the production defaults are in application.yml
                "masspay.payouts.initial-backoff=PT0.05S", "masspay.sandbox.slow-call=PT0.2S",
                // tests call fast and fail on purpose; the limits' own tests set theirs
                "masspay.rate-limit.requests-per-second=100000", "masspay.rate-limit.burst=100000",
                "masspay.rate-limit.auth-failures=100000", "masspay.admission.concurrent-submissions=1000"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface MassPayIntegrationTest {
}
