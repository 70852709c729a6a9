package io.masspay.infra;

import io.masspay.infra.db.DefaultDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one Spring Boot application: it assembles the command side, the query side and the rails. */
@SpringBootApplication(scanBasePackages = "io.masspay")
public class MassPayApplication {

    public static void main(String[] args) {
        // Axon 4.13 calls home at startup; a self-hosted payout service has no business doing that.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication application = new SpringApplication(MassPayApplication.class);
        DefaultDatabase.chooseUnlessConfigured(args).ifPresent(chosen -> application.addInitializers(chosen::handTo));
        application.run(args);
    }
}
