package io.masspay.query.ledger;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.query.ledger.WalletQueries.Entries;
import io.masspay.query.ledger.WalletQueries.RecipientWallet;
import io.masspay.query.ledger.WalletQueries.WalletView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Wallet reads of API.md section 6, from the ledger read model ({@link WalletQueries}). An issuer sees its own
 * wallets and its recipients' wallets; anything else is NOT_FOUND.
 */
@RestController
class WalletController {

    private final WalletQueries wallets;
    private final BalanceQueries balances;

    WalletController(WalletQueries wallets, BalanceQueries balances) {
        this.wallets = wallets;
        this.balances = balances;
    }

    record IssuerWallets(List<WalletView> items) {
    }

    /** With {@code AsOf}, the balance at that instant from the ledger postings (API.md section 11, ADR 0018). */
    @GetMapping("/API/v4/Wallets/{walletId}")
    Mono<WalletView> wallet(Caller caller, @PathVariable String walletId,
                            @RequestParam(name = "AsOf", required = false) String asOf) {
        if (asOf != null) {
            Instant at = AsOf.parse(asOf, Clock.systemUTC());
            return Blocking.call(() -> balances.walletAsOf(caller.issuer(), walletId, at)
                    .map(w -> new WalletView(w.walletId(), w.ownerId(), w.currency().name(), w.balance()))
                    .orElseThrow(() -> notFound(walletId)));
        }
        return Blocking.call(() -> wallets.wallet(caller.issuer(), walletId).orElseThrow(() -> notFound(walletId)));
    }

    /**
     * The caller's own (issuer) wallets. Not in the contract, which reads wallets only by id: an issuer
     * (and the dashboard) needs to find its source wallets and their balances without knowing the ids.
     */
    @GetMapping("/API/v4/Wallets")
    Mono<IssuerWallets> issuerWallets(Caller caller) {
        return Blocking.call(() -> new IssuerWallets(wallets.issuerWallets(caller.issuer())));
    }

    /** A recipient that is not the caller's is NOT_FOUND (API.md section 1), exactly like one that does not exist. */
    @GetMapping("/API/v4/Recipients/{recipientId}/Wallets")
    Mono<List<RecipientWallet>> recipientWallets(Caller caller, @PathVariable String recipientId) {
        return Blocking.call(() -> wallets.recipientWallets(caller.issuer(), recipientId)
                .orElseThrow(() -> new MassPayException(ErrorCode.NOT_FOUND, "Recipient not found")));
    }

    @GetMapping("/API/v4/Wallets/{walletId}/Entries")
    Mono<Entries> entries(Caller caller, @PathVariable String walletId,
                          @RequestParam(name = "Page", defaultValue = "1") String page,
                          @RequestParam(name = "PageSize", defaultValue = "100") String pageSize) {
        int p = positive("Page", page, Integer.MAX_VALUE);
        int size = positive("PageSize", pageSize, 1000);
        return Blocking.call(() -> wallets.entries(caller.issuer(), walletId, p, size).orElseThrow(() -> notFound(walletId)));
    }

    private static int positive(String field, String text, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other out-of-range value
        }
        throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameter " + field,
                List.of(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be a whole number in 1.." + max)));
    }

    private static MassPayException notFound(String walletId) {
        return new MassPayException(ErrorCode.NOT_FOUND, "Wallet " + walletId + " not found");
    }
}
