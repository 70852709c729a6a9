package io.masspay.command.wallet;

import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.OwnerType;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wallet snapshot is the aggregate serialized by the event serializer (Jackson, fields by name). Its state
 * lives in {@link WalletState}, a superclass: the snapshot must still hold exactly the three fields a
 * snapshot taken when they were the aggregate's own held, and read back to the same wallet.
 */
class WalletSnapshotFormTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void shouldStoreTheIdOwnerKindAndBalanceByName() {
        Wallet wallet = new Wallet();
        wallet.walletId = new WalletId("WAL-1");
        wallet.ownerType = OwnerType.Issuer;
        wallet.balance = Money.of("12.34", CurrencyCode.USD);

        SerializedObject<String> snapshot = serializer.serialize(wallet, String.class);

        assertThat(snapshot.getData()).isEqualTo(
                "{\"walletId\":\"WAL-1\",\"ownerType\":\"Issuer\",\"balance\":{\"minorUnits\":1234,\"currency\":\"USD\"}}");
        Wallet read = serializer.deserialize(snapshot);
        assertThat(read.walletId).isEqualTo(wallet.walletId);
        assertThat(read.ownerType).isEqualTo(OwnerType.Issuer);
        assertThat(read.balance).isEqualTo(wallet.balance);
    }
}
