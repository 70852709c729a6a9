package io.masspay.rails.dispatch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /API/v4/Rails/{SendMethodId}/Callbacks}: a rail provider tells us how a payout went (API.md
 * section 3). No bearer token: the provider proves itself by the body's signature. The body is read up to
 * {@link #MAX_BODY} bytes, never more.
 */
@RestController
class RailCallbacksController {

    static final int MAX_BODY = 16 * 1024;

    private final RailCallbacks callbacks;

    RailCallbacksController(RailCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/API/v4/Rails/{sendMethodId}/Callbacks")
    Mono<RailCallbacks.Receipt> receive(@PathVariable String sendMethodId, ServerHttpRequest request,
                                        @RequestHeader(name = "X-Signature-Timestamp", required = false) String timestamp,
                                        @RequestHeader(name = "X-Signature", required = false) String signature) {
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(buffer -> {
                    byte[] body = new byte[buffer.readableByteCount()];
                    buffer.read(body);
                    DataBufferUtils.release(buffer);
                    return body;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new MassPayException(
                        ErrorCode.PAYLOAD_TOO_LARGE, "A callback body is at most " + MAX_BODY + " bytes"))
                .publishOn(Schedulers.boundedElastic())
                .flatMap(body -> Mono.fromFuture(() -> callbacks.receive(sendMethodId,
                        new SignedCallback(timestamp, signature, body))));
    }
}
