package io.masspay.query.audit;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FeedCursorTest {

    @Property
    void everyCursorTheFeedWritesReadsBackToTheSamePosition(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String issuer,
            @ForAll @LongRange(min = 0) long globalIndex) {
        FeedCursor cursor = new FeedCursor(IssuerAccountNumber.of(issuer), globalIndex);

        assertThat(FeedCursor.decode(cursor.encode(), IssuerAccountNumber.of(issuer))).isEqualTo(cursor);
    }

    @Property
    void anyOtherTextIsEitherRefusedWithTheCatalogsErrorOrIsACanonicalCursorOfTheCaller(@ForAll String text) {
        IssuerAccountNumber caller = IssuerAccountNumber.of("SPN1");
        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> {
            FeedCursor decoded = FeedCursor.decode(text, caller);
            assertThat(decoded.encode()).isEqualTo(text);
            assertThat(decoded.issuer()).isEqualTo(caller);
        });
        if (refused != null) {
            assertRefusedAsAfter(refused);
        }
    }

    @Property
    void anotherIssuersCursorIsRefused(@ForAll @LongRange(min = 0) long globalIndex) {
        String theirs = new FeedCursor(IssuerAccountNumber.of("SPN2"), globalIndex).encode();

        assertRefusedAsAfter(catchThrowableOfType(MassPayException.class,
                () -> FeedCursor.decode(theirs, IssuerAccountNumber.of("SPN1"))));
    }

    @Property
    void aCursorSpelledAnyOtherWayIsRefused(@ForAll @LongRange(min = 0) long globalIndex) {
        String canonical = new FeedCursor(IssuerAccountNumber.of("SPN1"), globalIndex).encode();

        for (String variant : new String[]{canonical + "=", canonical + "A", " " + canonical, canonical.toUpperCase()}) {
            if (!variant.equals(canonical)) {
                assertThatThrownBy(() -> FeedCursor.decode(variant, IssuerAccountNumber.of("SPN1")))
                        .isInstanceOf(MassPayException.class);
            }
        }
    }

    private static void assertRefusedAsAfter(MassPayException refused) {
        assertThat(refused).isNotNull();
        assertThat(refused.errorCode().httpStatus()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("After");
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FIELD);
        });
    }
}
