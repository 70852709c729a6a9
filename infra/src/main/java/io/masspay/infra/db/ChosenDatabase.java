package io.masspay.infra.db;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database the run command's default picked, as the startup banner tells it: where it is and where its
 * data lives, and how to start afresh. {@code builtIn} is the PostgreSQL MassPay started itself, or null.
 */
public record ChosenDatabase(String where, String reset, BuiltInPostgres builtIn) {

    /** Makes the choice known to the application (the banner reads it) and lets it stop the built-in server. */
    public void handTo(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton("chosenDatabase", this);
        if (builtIn != null) {
            builtIn.stopAfterEverythingElse(context);
        }
    }
}
