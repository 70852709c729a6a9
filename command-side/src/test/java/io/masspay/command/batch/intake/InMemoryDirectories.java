package io.masspay.command.batch.intake;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two lookups the envelope review reads, answered from memory: issuers' item limits and the wallet
 * registry's {@code find}. Only the methods the review calls are answered; the rest would reach for a database
 * that is not there.
 */
final class InMemoryDirectories {

    private InMemoryDirectories() {
    }

    static IssuerDirectory issuersWithLimits(Map<IssuerAccountNumber, Integer> limits) {
        return new IssuerDirectory(null) {
            @Override
            public Optional<Integer> maxItemsPerBatch(IssuerAccountNumber issuer) {
                return Optional.ofNullable(limits.get(issuer));
            }
        };
    }

    static WalletRegistry wallets(List<WalletEntry> entries) {
        Map<WalletId, WalletEntry> byId = entries.stream().collect(Collectors.toMap(WalletEntry::walletId,
                Function.identity()));
        return new WalletRegistry(null) {
            @Override
            public Optional<WalletEntry> find(WalletId walletId) {
                return Optional.ofNullable(byId.get(walletId));
            }
        };
    }
}
