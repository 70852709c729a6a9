package io.masspay.kernel.processing;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredIndexTest {

    /**
     * Events read in any commit order (a late commit fills a gap left below the newest index): each event's own
     * index is recovered from its token and the one before, as the store's reader builds them.
     */
    @Property
    void everyEventsOwnIndexIsRecoveredWhateverOrderTheyCommittedIn(
            @ForAll @Size(min = 1, max = 40) @UniqueElements List<@LongRange(min = 0, max = 60) Long> readOrder) {
        TrackingToken before = null;
        for (long index : readOrder) {
            GapAwareTrackingToken after = before == null
                    ? GapAwareTrackingToken.newInstance(index, LongStream.range(0, index).boxed()
                            .collect(Collectors.toSet()))
                    : ((GapAwareTrackingToken) before).advanceTo(index, Integer.MAX_VALUE);
            assertThat(StoredIndex.between(before, after)).as("read after %s", before).isEqualTo(index);
            before = after;
        }
    }

    @Example
    void aGapFillersTokenPointsPastItButItsIndexIsTheGapItFilled() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(10, Set.of(7L, 8L));
        GapAwareTrackingToken after = before.advanceTo(8, Integer.MAX_VALUE);

        assertThat(after.position()).hasValue(10);
        assertThat(StoredIndex.between(before, after)).isEqualTo(8);
    }

    @Example
    void aReplayIsReadThroughItsWrappedTokens() {
        GapAwareTrackingToken at5 = GapAwareTrackingToken.newInstance(5, Set.of(3L));
        TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()),
                at5);

        assertThat(StoredIndex.between(replaying, at5.advanceTo(3, Integer.MAX_VALUE))).isEqualTo(3);
        assertThat(StoredIndex.between(new GlobalSequenceTrackingToken(4), new GlobalSequenceTrackingToken(5)))
                .isEqualTo(5);
    }

    @Example
    void theIndexTravelsInTheMessagesMetadataAndAnEventWithoutItIsRefused() {
        assertThat(StoredIndex.of(GenericEventMessage.asEventMessage("x").andMetaData(Map.of(StoredIndex.KEY, 42L))))
                .isEqualTo(42);
        assertThatThrownBy(() -> StoredIndex.of(GenericEventMessage.asEventMessage("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without its stored index");
    }

    @Example
    void aTokenThatNeitherMovesOnNorFillsAGapIsNotGuessedAt() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(7L));

        assertThatThrownBy(() -> StoredIndex.between(token, token)).isInstanceOf(IllegalArgumentException.class);
    }
}
