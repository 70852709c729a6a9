package io.masspay.rails.dispatch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;

/**
 * {@code POST /API/v4/Rails/{SendMethodId}/Callbacks}: a rail provider tells us how a payout went (API.md
 * section 3). No bearer token: the provider proves itself by the body's signature. At most {@link #MAX_BODY}
 * bytes of the body are kept.
 */
@RestController
class RailCallbacksController {

    static final int MAX_BODY = 16 * 1024;
    static final int DRAINED_AT_MOST = 1024 * 1024;

    private final RailCallbacks callbacks;

    RailCallbacksController(RailCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/API/v4/Rails/{sendMethodId}/Callbacks")
    Mono<RailCallbacks.Receipt> receive(@PathVariable String sendMethodId, ServerHttpRequest request,
                                        @RequestHeader(name = "X-Signature-Timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "X-Signature", required = false) String signature) {
        if (request.getHeaders().getContentLength() > DRAINED_AT_MOST) {
            return Mono.error(tooLarge());
        }
        return request.getBody()
                .reduce(new Body(), Body::append)
                .defaultIfEmpty(new Body())
                .flatMap(body -> body.size > MAX_BODY ? Mono.error(tooLarge()) : Mono.just(body.bytes.toByteArray()))
                .flatMap(body -> Blocking.call(() -> callbacks.receive(sendMethodId,
                        new SignedCallback(timestamp, signature, body))))
                .flatMap(Mono::fromFuture);
    }

    /**
     * Keeps the first {@link #MAX_BODY} bytes and only counts the rest: an oversized callback is read to its
     * end (up to {@link #DRAINED_AT_MOST}) so that its sender gets the 413 instead of a reset connection.
     */
    private static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long size;

        Body append(DataBuffer buffer) {
            try {
                int readable = buffer.readableByteCount();
                size += readable;
                if (size > DRAINED_AT_MOST) {
                    throw tooLarge();
                }
                if (size <= MAX_BODY) {
                    byte[] chunk = new byte[readable];
                    buffer.read(chunk);
                    bytes.writeBytes(chunk);
                }
                return this;
            } finally {
                DataBufferUtils.release(buffer);
            }
        }
    }

    private static MassPayException tooLarge() {
        return new MassPayException(ErrorCode.PAYLOAD_TOO_LARGE, "A callback body is at most " + MAX_BODY + " bytes");
    }
}
