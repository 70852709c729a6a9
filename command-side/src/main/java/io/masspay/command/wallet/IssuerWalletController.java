package io.masspay.command.wallet;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.command.web.Fields;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.AmountParser;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.wallet.CreateWallet;
import io.masspay.kernel.wallet.FundWallet;
import io.masspay.kernel.wallet.OwnerType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** Operator calls that open and fund issuer wallets (API.md section 7). */
@RestController
class IssuerWalletController {

    private final CommandGateway commands;
    private final IssuerDirectory issuers;
    private final WalletRegistry wallets;

    IssuerWalletController(CommandGateway commands, IssuerDirectory issuers, WalletRegistry wallets) {
        this.commands = commands;
        this.issuers = issuers;
        this.wallets = wallets;
    }

    record NewWallet(String currency) {
    }

    record WalletCreated(String walletId) {
    }

    record Funding(String amount, String reference) {
    }

    record Funded(String walletId, String balance) {
    }

    @PostMapping("/API/v4/Admin/Issuers/{issuer}/Wallets")
    Mono<ResponseEntity<WalletCreated>> open(@PathVariable String issuer, @RequestBody NewWallet body) {
        CurrencyCode currency = CurrencyCode.fromCode(body.currency());
        new Fields().required("Currency", body.currency())
                .check(body.currency() == null || currency != null, "Currency", ErrorCode.INVALID_FIELD,
                        "Currency must be one of USD, EUR, GBP, JPY")
                .orRefuse();
        IssuerAccountNumber owner = new IssuerAccountNumber(issuer);
        return Blocking.call(() -> {
            if (!issuers.exists(owner)) {
                throw MassPayException.notFound("Issuer");
            }
            WalletId walletId = ServerIds.newWalletId();
            commands.sendAndWait(new CreateWallet(walletId, owner, OwnerType.Issuer, issuer, currency));
            return ResponseEntity.status(HttpStatus.CREATED).body(new WalletCreated(walletId.value()));
        });
    }

    @PostMapping("/API/v4/Admin/Issuers/{issuer}/Wallets/{walletId}/Fund")
    Mono<Funded> fund(@PathVariable String issuer, @PathVariable String walletId, @RequestBody Funding body) {
        new Fields().required("Amount", body.amount()).orRefuse();
        return Blocking.call(() -> {
            WalletEntry wallet = wallets.find(new WalletId(walletId))
                    .filter(w -> w.issuer().value().equals(issuer) && w.ownerType() == OwnerType.Issuer)
                    .orElseThrow(() -> MassPayException.notFound("Wallet"));
            // a treasury top-up, not a payout: the per-item ceiling does not apply (API.md section 7)
            Money amount = AmountParser.parse(body.amount(), wallet.currency(), AmountParser.MAX_FUNDING_AMOUNT)
                    .orElseThrow(() -> invalidAmount(wallet.currency()));
            Money balance = commands.sendAndWait(new FundWallet(wallet.walletId(), amount, body.reference()));
            return new Funded(walletId, balance.toDecimalString());
        });
    }

    private static MassPayException invalidAmount(CurrencyCode currency) {
        String ceiling = Money.of(AmountParser.MAX_FUNDING_AMOUNT.toPlainString(), currency).toDecimalString();
        String message = "Amount must be a decimal string > 0 with at most " + currency.minorUnits()
                + " decimals (" + currency + "), at most " + ceiling + " per top-up";
        return new MassPayException(ErrorCode.INVALID_AMOUNT, message,
                List.of(new FieldError("Amount", ErrorCode.INVALID_AMOUNT, message)));
    }
}
