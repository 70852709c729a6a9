package io.masspay.rails.dispatch;

import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.transaction.RailAnswer;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.rails.RailReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A rail's word about a payout, sent to us (API.md section 3, callbacks): believed only when signed with
 * that rail's secret and recent, about a key of that rail. It takes the same way as a reply to our own call:
 * a {@link Decision} recorded by the {@link AnswerRecorder}, and the provider gets its 200 only once that is
 * committed, so a callback lost on our side is sent again by the provider. A repeated callback changes
 * nothing more. The sandbox rails call back through here too.
 */
@Component
public class RailCallbacks {

    private static final Logger log = LoggerFactory.getLogger(RailCallbacks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the provider is told: the key and status it sent, as we understood them. */
    public record Receipt(String idempotencyKey, String status) {
    }

    private final CallbackSecrets secrets;
    private final RailPayoutStore store;
    private final ReplyRules rules;
    private final AnswerRecorder recorder;
    private final RailMetrics metrics;

    RailCallbacks(CallbackSecrets secrets, RailPayoutStore store, ReplyRules rules, AnswerRecorder recorder,
                  RailMetrics metrics) {
        this.secrets = secrets;
        this.store = store;
        this.rules = rules;
        this.recorder = recorder;
        this.metrics = metrics;
    }

    /** Blocking (the signature check, the row lookup): never on an event loop. Completes once recorded. */
    public CompletableFuture<Receipt> receive(String sendMethodId, SignedCallback callback) {
        SendMethod method = SendMethod.fromId(sendMethodId);
        if (method == null || method.isWallet()) {
            throw new MassPayException(ErrorCode.NOT_FOUND, "No rail " + sendMethodId);
        }
        String secret = secrets.of(method).orElseThrow(() -> refused(method, "no callback secret configured",
                new MassPayException(ErrorCode.UNAUTHORIZED, "This rail cannot call back: no callback secret")));
        try {
            callback.verify(secret, Instant.now());
        } catch (MassPayException unauthorized) {
            throw refused(method, "bad or expired signature", unauthorized);
        }
        CallbackBody body = parse(callback.body());
        RailReply.Kind status = status(body.status());
        ClaimedPayout row = store.find(body.idempotencyKey())
                .filter(found -> found.order().method() == method)
                .orElseThrow(() -> refused(method, "unknown key", new MassPayException(ErrorCode.NOT_FOUND,
                        "No payout " + body.idempotencyKey() + " on rail " + method.id())));
        Decision decision = decide(row, status, body.returnCode());
        Receipt receipt = new Receipt(row.key(), body.status());
        if (decision == null) {
            return CompletableFuture.completedFuture(receipt);
        }
        log.info("Rail {} called back {} for payout {}", method, status, row.key());
        if (status == RailReply.Kind.Returned) {
            metrics.returned(method);
        }
        return recorder.record(decision).thenApply(recorded -> receipt);
    }

    /** Null when the callback changes nothing (a repeat, or news about a payout already settled). */
    private Decision decide(ClaimedPayout row, RailReply.Kind status, String returnCode) {
        if (status == RailReply.Kind.Returned) {
            return switch (row.state()) {
                case Paid -> Decision.of(new RailAnswer(row.order().transactionId(), row.order().attemptNo(),
                        RailAnswer.Kind.Returned, null, 0, returnCode), null);
                case Returned -> null;
                default -> throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Only a paid payout can be returned",
                        List.of(new FieldError("Status", ErrorCode.INVALID_FIELD,
                                "Payout " + row.key() + " is " + row.state() + ", not Paid")));
            };
        }
        return switch (row.state()) {
            case Due, Pending, Unresolved -> {
                Decision settled = rules.afterStatus(row, new RailReply(status, null, "callback"), Instant.now());
                yield new Decision(settled.answer(), null, row.state() == ClaimedPayout.State.Unresolved
                        && status != RailReply.Kind.Paid ? row.key() : null, false);
            }
            case Paid, Failed, Returned -> {
                if ((status == RailReply.Kind.Paid) != (row.state() == ClaimedPayout.State.Paid)) {
                    log.warn("Rail {} says {} for payout {}, which it settled as {} before: nothing changed",
                            row.order().method(), status, row.key(), row.state());
                }
                yield null;
            }
        };
    }

    private static CallbackBody parse(byte[] body) {
        CallbackBody parsed;
        try {
            parsed = JSON.readValue(body, CallbackBody.class);
        } catch (JacksonException e) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The callback body is not a JSON object");
        }
        if (parsed == null || parsed.idempotencyKey() == null || parsed.status() == null) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "IdempotencyKey and Status are required",
                    List.of(new FieldError(parsed == null || parsed.idempotencyKey() == null ? "IdempotencyKey"
                            : "Status", ErrorCode.MISSING_FIELD, "Required")));
        }
        if (parsed.returnCode() != null && !WireFormats.isClientId(parsed.returnCode())) {
            throw invalid("ReturnCode", "ReturnCode is 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return parsed;
    }

    private static RailReply.Kind status(String status) {
        return switch (status) {
            case "Paid" -> RailReply.Kind.Paid;
            case "Declined" -> RailReply.Kind.Declined;
            case "DestinationClosed" -> RailReply.Kind.DestinationClosed;
            case "Returned" -> RailReply.Kind.Returned;
            default -> throw invalid("Status", "Status must be Paid, Declined, DestinationClosed or Returned");
        };
    }

    private static MassPayException invalid(String field, String message) {
        return new MassPayException(ErrorCode.VALIDATION_FAILED, message,
                List.of(new FieldError(field, ErrorCode.INVALID_FIELD, message)));
    }

    private static MassPayException refused(SendMethod method, String why, MassPayException answer) {
        log.info("Rail {} callback refused: {}", method, why);
        return answer;
    }
}
