package io.masspay.infra.demo;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.command.directory.PostalAddress;
import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientDirectory;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.infra.security.Credentials;
import io.masspay.infra.security.OperatorToken;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundWallet;
import io.masspay.kernel.wallet.CreateWallet;
import io.masspay.kernel.wallet.OwnerType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Demo mode ({@code masspay.demo.enabled=true}, what {@code ./masspay run} uses): a funded demo issuer
 * with recipients whose ids match {@code examples/wallet-batch.json}, a fresh API key, and the next
 * command to type. Safe to run again: only what is missing is created.
 */
@Component
@ConditionalOnProperty(name = "masspay.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("SPN100001");
    static final WalletId WALLET = new WalletId("WAL-DEMO-USD");
    static final Map<String, RecipientType> RECIPIENTS = Map.of(
            "PAT-5510", RecipientType.Individual, "PAT-5511", RecipientType.Individual,
            "PAT-5512", RecipientType.Individual, "ORG-7001", RecipientType.Company);

    private final IssuerDirectory issuers;
    private final RecipientDirectory recipients;
    private final WalletRegistry wallets;
    private final CommandGateway commands;
    private final Credentials credentials;
    private final OperatorToken operatorToken;
    private final Environment environment;

    DemoData(IssuerDirectory issuers, RecipientDirectory recipients, WalletRegistry wallets, CommandGateway commands,
             Credentials credentials, OperatorToken operatorToken, Environment environment) {
        this.issuers = issuers;
        this.recipients = recipients;
        this.wallets = wallets;
        this.commands = commands;
        this.credentials = credentials;
        this.operatorToken = operatorToken;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!issuers.exists(ISSUER)) {
            issuers.register(ISSUER, "Demo Issuer");
        }
        if (wallets.find(WALLET).isEmpty()) {
            commands.sendAndWait(new CreateWallet(WALLET, ISSUER, OwnerType.Issuer, ISSUER.value(), CurrencyCode.USD));
            commands.sendAndWait(new FundWallet(WALLET, Money.of("1000000.00", CurrencyCode.USD), "demo funding"));
        }
        var known = recipients.findAll(ISSUER, RECIPIENTS.keySet().stream().map(RecipientId::new).toList());
        RECIPIENTS.forEach((id, type) -> {
            if (!known.containsKey(new RecipientId(id))) {
                recipients.register(new Recipient(ISSUER, new RecipientId(id), type, "US", new PostalAddress(
                                "1 Demo Street", null, "Springfield", "IL", "62701", "US")), "Demo " + id,
                        id.toLowerCase() + "@example.com");
            }
        });
        String apiKey = credentials.issue(ISSUER).apiKey();
        // the port the server really listens on: only known once it has started, which it has when runners run
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        System.out.printf("""

                ================= MassPay demo is running on http://localhost:%1$s =================
                Operator (admin) token : %2$s%3$s
                Issuer %4$s API key : %5$s
                Source wallet          : %6$s (USD, funded)

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
                %n""", port, operatorToken.reveal(), operatorToken.wasGenerated() ? " (generated for this run)" : "",
                ISSUER.value(), apiKey, WALLET.value());
    }
}
