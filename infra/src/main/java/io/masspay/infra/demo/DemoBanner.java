package io.masspay.infra.demo;

import io.masspay.infra.db.ChosenDatabase;

import java.io.PrintStream;

/**
 * What {@code ./masspay run} prints once it listens: the secrets a demo user needs (operator token, the demo
 * issuer's API key), which database it uses and how to start afresh, and the next command. Printed to the
 * console, never logged.
 */
final class DemoBanner {

    private DemoBanner() {
    }

    record Facts(String port, String operatorToken, boolean operatorTokenGenerated, String issuer, DemoApiKey.Key apiKey,
                 String keyFile, String wallet, ChosenDatabase database) {
    }

    static void print(PrintStream out, Facts f) {
        String key = f.apiKey().kept() ? "the same key as on the previous run, kept in " + f.keyFile()
                : "new; kept in " + f.keyFile() + " and the same on the next run";
        out.printf("""

                ================= MassPay demo is running on http://localhost:%1$s =================
                Operator (admin) token : %2$s%3$s
                Issuer %4$s API key : %5$s
                                         (%6$s)
                Source wallet          : %7$s (USD, funded)
                Database               : %8$s
                                         to start afresh: %9$s
                                         (a demo set-up; MASSPAY_DB_URL points MassPay at your own PostgreSQL)

                Dashboard              : http://localhost:%1$s/dashboard/
                API docs (Swagger UI)  : http://localhost:%1$s/swagger-ui.html
                Health                 : http://localhost:%1$s/actuator/health
                Metrics (Prometheus)   : http://localhost:%1$s/actuator/prometheus  (operator token as Bearer)

                Next, submit the example batch:
                  export MASSPAY_API_KEY=%5$s
                  curl -s -X POST http://localhost:%1$s/API/v4/Fund/BatchTransfer \\
                       -H "Authorization: Bearer $MASSPAY_API_KEY" -H 'Content-Type: application/json' \\
                       --data @examples/wallet-batch.json
                ====================================================================================
                %n""", f.port(), f.operatorToken(), f.operatorTokenGenerated() ? " (generated for this run)" : "",
                f.issuer(), f.apiKey().value(), key, f.wallet(), f.database().where(), f.database().reset());
        out.flush();
    }
}
