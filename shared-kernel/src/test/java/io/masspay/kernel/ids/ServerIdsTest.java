package io.masspay.kernel.ids;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Server ids sort by the millisecond they were made, and keep 128 random bits (the contract asks 122). */
class ServerIdsTest {

    /** The year 8000: base 62 in 8 characters reaches 8888. */
    private static final long YEAR_8000 = 190_288_396_800_000L;

    @Property
    void anEarlierMillisecondSortsFirst(@ForAll @LongRange(min = 0, max = YEAR_8000) long earlier,
                                        @ForAll @LongRange(min = 1, max = 86_400_000) long later) {
        String first = ServerIds.newId("tx_", earlier);
        String second = ServerIds.newId("tx_", earlier + later);

        // PostgreSQL's C collation and String.compareTo both order these ASCII ids byte by byte.
        assertThat(first.compareTo(second)).isNegative();
    }

    @Property
    void startsWithEightLettersOrDigitsOfTimeThenBase64Url(@ForAll @LongRange(min = 0, max = YEAR_8000) long millis) {
        assertThat(ServerIds.newId("bt_", millis)).matches("bt_[0-9A-Za-z]{8}[A-Za-z0-9_-]{22}");
    }

    @Example
    void carriesSixteenRandomBytesAfterTheTime() {
        Set<String> randomParts = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> {
            String id = ServerIds.newId("tx_", 1_780_000_000_000L);
            String random = id.substring("tx_".length() + 8);
            assertThat(Base64.getUrlDecoder().decode(random)).hasSize(16);
            randomParts.add(random);
        });

        assertThat(randomParts).hasSize(10_000);
    }
}
