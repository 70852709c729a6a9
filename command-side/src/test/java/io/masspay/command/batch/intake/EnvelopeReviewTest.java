package io.masspay.command.batch.intake;

import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.wallet.OwnerType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link EnvelopeReview}: what refuses a submission whole. Another issuer's account or wallet is 403 before any
 * other problem; the envelope's own problems (missing versus malformed ids, an unknown or non-issuer source
 * wallet, CustomerBatchId at 64 and 65, ScheduledFor, no items) are listed together in one 422 after the
 * reader's; only a batch that passes all of them is measured against its issuer's item limit, at and one over.
 * The source wallet it answers sets the batch currency. Duplicate ids are not its concern: within a request
 * they are {@link FormatRules}', across requests {@link SubmissionClaims}'.
 */
class EnvelopeReviewTest {

    private static final String ISSUER = "SPN100001";
    private static final String UNLISTED_ISSUER = "SPN100009";
    private static final String RAISED_ISSUER = "SPN100003";

    private static final EnvelopeReview REVIEW = new EnvelopeReview(
            InMemoryDirectories.wallets(List.of(
                    wallet("WAL-SRC", ISSUER, OwnerType.Issuer, CurrencyCode.USD),
                    wallet("WAL-SRC-EUR", ISSUER, OwnerType.Issuer, CurrencyCode.EUR),
                    wallet("WAL-PAT", ISSUER, OwnerType.Recipient, CurrencyCode.USD),
                    wallet("WAL-THEIRS", "SPN100002", OwnerType.Issuer, CurrencyCode.USD),
                    wallet("WAL-UNLISTED", UNLISTED_ISSUER, OwnerType.Issuer, CurrencyCode.USD),
                    wallet("WAL-RAISED", RAISED_ISSUER, OwnerType.Issuer, CurrencyCode.USD))),
            new ItemLimit(InMemoryDirectories.issuersWithLimits(Map.of(
                    new IssuerAccountNumber(ISSUER), 3, new IssuerAccountNumber(RAISED_ISSUER), 5_000))));

    /** One refusal entry as the answer lists it. */
    record Problem(String field, ErrorCode code) {
    }

    /** Accepted with this source wallet (and so this currency), or refused with a code and its list. */
    record Outcome(String sourceWallet, CurrencyCode currency, ErrorCode refusal, List<Problem> problems) {

        static Outcome accepted(String wallet, CurrencyCode currency) {
            return new Outcome(wallet, currency, null, List.of());
        }

        static Outcome refused(ErrorCode code, Problem... problems) {
            return new Outcome(null, null, code, List.of(problems));
        }

        static Outcome invalid(Problem... problems) {
            return refused(ErrorCode.VALIDATION_FAILED, problems);
        }
    }

    static Stream<Arguments> envelopes() {
        Outcome usd = Outcome.accepted("WAL-SRC", CurrencyCode.USD);
        return Stream.of(
                arguments("a valid envelope", envelope(), usd),
                arguments("a EUR source wallet makes a EUR batch", envelope().wallet("WAL-SRC-EUR"),
                        Outcome.accepted("WAL-SRC-EUR", CurrencyCode.EUR)),
                // IssuerAccountNumber
                arguments("IssuerAccountNumber missing", envelope().issuer(null),
                        Outcome.invalid(missing("IssuerAccountNumber"))),
                arguments("another issuer's IssuerAccountNumber", envelope().issuer("SPN100002"),
                        Outcome.refused(ErrorCode.FORBIDDEN)),
                // SourceWalletId
                arguments("SourceWalletId missing", envelope().wallet(null), Outcome.invalid(missing("SourceWalletId"))),
                arguments("SourceWalletId with a NUL character", envelope().wallet("WAL\u0000SRC"),
                        Outcome.invalid(invalid("SourceWalletId"))),
                arguments("SourceWalletId of 65 characters", envelope().wallet("W".repeat(65)),
                        Outcome.invalid(invalid("SourceWalletId"))),
                arguments("a SourceWalletId that does not exist", envelope().wallet("WAL-404"),
                        Outcome.invalid(new Problem("SourceWalletId", ErrorCode.WALLET_NOT_FOUND))),
                arguments("a recipient's wallet as the source", envelope().wallet("WAL-PAT"),
                        Outcome.invalid(new Problem("SourceWalletId", ErrorCode.WALLET_NOT_FOUND))),
                arguments("another issuer's wallet as the source", envelope().wallet("WAL-THEIRS"),
                        Outcome.refused(ErrorCode.FORBIDDEN)),
                // CustomerBatchId
                arguments("CustomerBatchId absent", envelope().batchId(null), usd),
                arguments("CustomerBatchId of 64 characters", envelope().batchId("B".repeat(64)), usd),
                arguments("CustomerBatchId of 65 characters", envelope().batchId("B".repeat(65)),
                        Outcome.invalid(invalid("CustomerBatchId"))),
                arguments("CustomerBatchId with a space", envelope().batchId("B 1"),
                        Outcome.invalid(invalid("CustomerBatchId"))),
                // ScheduledFor: its edges are ScheduledForTest's
                arguments("ScheduledFor already past means now", envelope().scheduledFor("2020-01-01T00:00:00Z"), usd),
                arguments("ScheduledFor without a zone", envelope().scheduledFor("2030-01-01T00:00:00"),
                        Outcome.invalid(invalid("ScheduledFor"))),
                // items
                arguments("no items in a JSON body", envelope().items(0), Outcome.invalid(missing("Items"))),
                arguments("no data rows in a CSV upload", envelope().csv().items(0), Outcome.invalid(missing("Rows"))),
                arguments("no items, which the reader already named, are named once",
                        envelope().items(0).readerError(invalid("Items")), Outcome.invalid(invalid("Items"))),
                // together
                arguments("every envelope problem in one answer, the reader's first",
                        envelope().readerError(invalid("Description")).issuer(null).wallet(null).batchId("B 1")
                                .scheduledFor("soon").items(0),
                        Outcome.invalid(invalid("Description"), missing("IssuerAccountNumber"), missing("SourceWalletId"),
                                invalid("CustomerBatchId"), invalid("ScheduledFor"), missing("Items"))),
                arguments("another issuer's account is 403 before the listed problems",
                        envelope().issuer("SPN100002").wallet(null), Outcome.refused(ErrorCode.FORBIDDEN)),
                arguments("another issuer's wallet is 403 before the listed problems",
                        envelope().wallet("WAL-THEIRS").batchId("B 1"), Outcome.refused(ErrorCode.FORBIDDEN)),
                // item limit
                arguments("as many items as the issuer's limit", envelope().items(3), usd),
                arguments("one item over the issuer's limit", envelope().items(4), Outcome.refused(ErrorCode.BATCH_TOO_LARGE)),
                arguments("the default limit, for an issuer without one",
                        envelope().caller(UNLISTED_ISSUER).wallet("WAL-UNLISTED").items(1_000),
                        Outcome.accepted("WAL-UNLISTED", CurrencyCode.USD)),
                arguments("one over the default limit", envelope().caller(UNLISTED_ISSUER).wallet("WAL-UNLISTED")
                        .items(1_001), Outcome.refused(ErrorCode.BATCH_TOO_LARGE)),
                arguments("a raised limit allows more than the default",
                        envelope().caller(RAISED_ISSUER).wallet("WAL-RAISED").items(1_001),
                        Outcome.accepted("WAL-RAISED", CurrencyCode.USD)),
                arguments("over the limit with an envelope problem: the problem is answered",
                        envelope().items(4).wallet(null), Outcome.invalid(missing("SourceWalletId"))),
                arguments("a body the reader cut short is too large before anything else",
                        envelope().issuer(null).wallet(null).cutShort(), Outcome.refused(ErrorCode.BATCH_TOO_LARGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void shouldRefuseASubmissionWholeOnlyForItsEnvelope(String edge, Envelope envelope, Outcome expected) {
        IssuerAccountNumber caller = new IssuerAccountNumber(envelope.caller);
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> REVIEW.review(caller, envelope.request()));
        if (expected.refusal() == null) {
            assertThat(refused).as(edge + ": refused").isNull();
            WalletEntry source = REVIEW.review(caller, envelope.request());
            assertThat(source.walletId()).as(edge).isEqualTo(new WalletId(expected.sourceWallet()));
            assertThat(source.currency()).as(edge).isEqualTo(expected.currency());
            return;
        }
        assertThat(refused).as(edge).isNotNull();
        assertThat(refused.errorCode()).as(edge).isEqualTo(expected.refusal());
        assertThat(refused.errors()).as(edge).extracting(e -> new Problem(e.field(), e.errorCode()))
                .containsExactlyElementsOf(expected.problems());
    }

    /** {@code advice}: what the BATCH_TOO_LARGE answer must tell the client to do. */
    static Stream<Arguments> tooLarge() {
        return Stream.of(
                arguments("over a limit below the hard maximum: ask to raise it to the batch's size", 1_001, 1_000,
                        List.of("has 1001 items", "limit is 1000", "/Issuers/SPN100001/Limits", "\"MaxItemsPerBatch\": 1001")),
                arguments("over the hard maximum: raise it at most to the hard maximum", 6_000, 1_000,
                        List.of("more than 5000", "\"MaxItemsPerBatch\": 5000")),
                arguments("already at the hard maximum: only splitting helps", 5_001, 5_000,
                        List.of("more than 5000", "split it into batches of at most 5000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLarge")
    void shouldSayWhatCanBeDoneAboutATooLargeBatch(String edge, int items, int limit, List<String> advice) {
        String message = EnvelopeReview.tooLarge(items, limit, new IssuerAccountNumber(ISSUER));

        assertThat(message).as(edge).contains(advice);
        if (limit == 5_000) {
            assertThat(message).as(edge).doesNotContain("MaxItemsPerBatch");
        }
    }

    private static Envelope envelope() {
        return new Envelope();
    }

    private static Problem missing(String field) {
        return new Problem(field, ErrorCode.MISSING_FIELD);
    }

    private static Problem invalid(String field) {
        return new Problem(field, ErrorCode.INVALID_FIELD);
    }

    private static WalletEntry wallet(String id, String issuer, OwnerType owner, CurrencyCode currency) {
        return new WalletEntry(new WalletId(id), new IssuerAccountNumber(issuer), owner, owner == OwnerType.Issuer
                ? issuer : "PAT-1", currency);
    }

    /** A valid envelope of one item from issuer SPN100001's USD wallet, changed one field at a time. */
    static final class Envelope {
        private String caller = ISSUER;
        private String issuer = ISSUER;
        private String wallet = "WAL-SRC";
        private String batchId = "B-1";
        private String scheduledFor = null;
        private int items = 1;
        private boolean cutShort = false;
        private ItemPaths paths = ItemPaths.JSON;
        private final List<FieldError> readerErrors = new ArrayList<>();

        /** The caller's token and the envelope's IssuerAccountNumber alike. */
        Envelope caller(String issuer) {
            this.caller = issuer;
            this.issuer = issuer;
            return this;
        }

        Envelope issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        Envelope wallet(String wallet) {
            this.wallet = wallet;
            return this;
        }

        Envelope batchId(String batchId) {
            this.batchId = batchId;
            return this;
        }

        Envelope scheduledFor(String at) {
            this.scheduledFor = at;
            return this;
        }

        /** How many items the body holds; the review counts them and reads none. */
        Envelope items(int count) {
            this.items = count;
            return this;
        }

        Envelope cutShort() {
            this.cutShort = true;
            this.items = 5_001;
            return this;
        }

        Envelope csv() {
            this.paths = ItemPaths.CSV;
            return this;
        }

        Envelope readerError(Problem problem) {
            readerErrors.add(new FieldError(problem.field(), problem.code(), problem.field() + " is not readable"));
            return this;
        }

        BatchRequest request() {
            return new BatchRequest(issuer, wallet, batchId, List.of(), readerErrors, paths, items, cutShort,
                    scheduledFor);
        }
    }
}
