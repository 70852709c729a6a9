package io.masspay.infra.demo;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.command.directory.PostalAddress;
import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientDirectory;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.infra.db.ChosenDatabase;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Demo mode ({@code masspay.demo.enabled=true}, what {@code ./masspay run} uses): a funded demo issuer
 * with recipients whose ids match {@code examples/wallet-batch.json}, its API key (the same on every run,
 * {@link DemoApiKey}), and the banner. Safe to run again: only what is missing is created.
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
    private final DemoApiKey apiKey;
    private final OperatorToken operatorToken;
    private final Environment environment;
    private final ObjectProvider<ChosenDatabase> chosenDatabase;

    DemoData(IssuerDirectory issuers, RecipientDirectory recipients, WalletRegistry wallets, CommandGateway commands,
             DemoApiKey apiKey, OperatorToken operatorToken, Environment environment,
             ObjectProvider<ChosenDatabase> chosenDatabase) {
        this.issuers = issuers;
        this.recipients = recipients;
        this.wallets = wallets;
        this.commands = commands;
        this.apiKey = apiKey;
        this.operatorToken = operatorToken;
        this.environment = environment;
        this.chosenDatabase = chosenDatabase;
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
        // the port the server really listens on: only known once it has started, which it has when runners run
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        DemoBanner.print(System.out, new DemoBanner.Facts(port, operatorToken.reveal(), operatorToken.wasGenerated(),
                ISSUER.value(), apiKey.of(ISSUER), apiKey.file().toString(), WALLET.value(),
                chosenDatabase.getIfAvailable(this::configuredDatabase)));
    }

    private ChosenDatabase configuredDatabase() {
        String url = environment.getProperty("spring.datasource.url", "(none)");
        return new ChosenDatabase(url.replaceFirst("\\?.*", "") + " (configured)",
                "stop MassPay, drop and re-create that database (MassPay creates its tables at start)", null);
    }
}
