package io.masspay.query.audit;

import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /API/v4/Events?After=&Limit=} (API.md section 11): every event of the caller's issuer, in store
 * order, a page at a time, resumed by an opaque cursor (ADR 0018). The page never goes past the position
 * read when it starts (the feed's safe position), so a cursor never skips an event committed late into a
 * gap. The body is streamed in slices of {@value #SLICE} events, the next read only when the client has
 * taken the previous one; {@code Next} is written last.
 */
@RestController
class EventFeedController {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int SLICE = 200;

    private final EventFeedQueries feed;

    EventFeedController(EventFeedQueries feed) {
        this.feed = feed;
    }

    /** Events read so far in one slice, and how many the page may still take. */
    private record Slice(List<AuditEvent> events, long after, int left) {

        boolean last() {
            return left == 0 || events.size() < Math.min(SLICE, left + events.size());
        }
    }

    @GetMapping(path = "/API/v4/Events", produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<DataBuffer> events(Caller caller, @RequestParam(name = "After", required = false) String after,
                            @RequestParam(name = "Limit", required = false) String limit) {
        FeedCursor from = FeedCursor.decode(after, caller.issuer());
        int size = limit(limit);
        return Blocking.call(feed::safePosition).flatMapMany(upTo -> body(caller.issuer(), from, size, upTo));
    }

    private Flux<DataBuffer> body(IssuerAccountNumber issuer, FeedCursor from, int size, long upTo) {
        AtomicReference<Long> last = new AtomicReference<>(from.globalIndex());
        Flux<byte[]> slices = slice(issuer, from.globalIndex(), size, upTo)
                .expand(s -> s.last() ? Mono.empty() : slice(issuer, s.after(), s.left(), upTo))
                .filter(s -> !s.events().isEmpty())
                .doOnNext(s -> last.set(s.after()))
                .index((n, s) -> AuditJson.page(s.events(), n == 0));
        Mono<byte[]> close = Mono.fromSupplier(() -> ("],\"Next\":\"" + new FeedCursor(issuer, last.get()).encode()
                + "\"}").getBytes(StandardCharsets.UTF_8));
        return Flux.concat(Mono.just(AuditJson.OPEN), slices, close).map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    private Mono<Slice> slice(IssuerAccountNumber issuer, long after, int left, long upTo) {
        int take = Math.min(SLICE, left);
        return Blocking.call(() -> {
            List<AuditEvent> events = feed.page(issuer, after, upTo, take);
            long next = events.isEmpty() ? after : events.get(events.size() - 1).globalIndex();
            return new Slice(events, next, left - events.size());
        });
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below, like an out-of-range value
        }
        throw MassPayException.badQueryParameter("Limit", "Limit must be a whole number in 1.." + MAX_LIMIT);
    }
}
