package io.masspay.rails.http;

import io.masspay.rails.RailReply;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a provider's HTTP answer means (API.md section 3, "HTTP connector protocol"). A 2xx, or a 409 for a
 * key it already knows, carries the payout's status in its body; a 429 is a throttle; a 5xx, a refused
 * connection or an endpoint that is not there (404/405/401/403 on the send) says nothing was paid; a 400 or
 * 422 refuses the payout; anything else (a redirect, a timeout, an unreadable body) is no answer, and the
 * same key is asked again.
 */
final class ProviderResponses {

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

    /** The head of a provider's answer: its HTTP status and its {@code Retry-After} header, if any. */
    record Answer(int status, String retryAfter) {
    }

    private ProviderResponses() {
    }

    static Mono<RailReply> toSend(Answer answer, ByteBufFlux body) {
        if (answer.status() == 400 || answer.status() == 422) {
            return released(body, RailReply.of(RailReply.Kind.Declined));
        }
        return common(answer, body, RailReply.Kind.Unavailable);
    }

    static Mono<RailReply> toStatus(Answer answer, ByteBufFlux body) {
        return common(answer, body, answer.status() == 404 ? RailReply.Kind.UnknownKey : RailReply.Kind.Unavailable);
    }

    /** A failure before any answer: a connection that was refused sent nothing; anything else may have. */
    static RailReply failed(Throwable failure) {
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return new RailReply(RailReply.Kind.Unavailable, null, "connection refused");
        }
        if (failure instanceof TimeoutException || failure instanceof ReadTimeoutException) {
            return RailReply.unanswered("no answer in time");
        }
        return RailReply.unanswered(failure.getClass().getSimpleName());
    }

    private static Mono<RailReply> common(Answer answer, ByteBufFlux body, RailReply.Kind other4xx) {
        int status = answer.status();
        if (status / 100 == 2 || status == 409) {
            return bounded(body).map(ProviderResponses::read)
                    .onErrorResume(unreadable -> Mono.just(RailReply.unanswered("unreadable body")));
        }
        if (status == 429) {
            return released(body, new RailReply(RailReply.Kind.Throttled, retryAfter(answer.retryAfter()), "429"));
        }
        if (status / 100 == 5) {
            return released(body, new RailReply(RailReply.Kind.Unavailable, null, "HTTP " + status));
        }
        if (status / 100 == 4) {
            return released(body, new RailReply(other4xx, null, "HTTP " + status));
        }
        return released(body, RailReply.unanswered("HTTP " + status));
    }

    private static RailReply read(byte[] body) {
        ProviderAnswer answer = ProviderJson.read(body);
        return (answer == null ? Optional.<RailReply.Kind>empty() : answer.kind()).map(RailReply::of)
                .orElseGet(() -> RailReply.unanswered("no known Status in the body"));
    }

    /** Seconds or an HTTP date, at most five minutes; null when absent or unreadable (the usual backoff then). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            Duration wait = header.strip().chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(header.strip()))
                    : Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.strip(),
                    DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The body up to {@link HttpRail#MAX_ANSWER} bytes; a longer one fails, and the rest is never read. */
    private static Mono<byte[]> bounded(ByteBufFlux body) {
        return body.asByteArray().collect(ByteArrayOutputStream::new, (answer, chunk) -> {
            if (answer.size() + chunk.length > HttpRail.MAX_ANSWER) {
                throw new IllegalStateException("answer over " + HttpRail.MAX_ANSWER + " bytes");
            }
            answer.writeBytes(chunk);
        }).map(ByteArrayOutputStream::toByteArray);
    }

    /** Read to its end and dropped, so that the connection can serve the next call. */
    private static Mono<RailReply> released(ByteBufFlux body, RailReply reply) {
        return body.then().thenReturn(reply);
    }
}
