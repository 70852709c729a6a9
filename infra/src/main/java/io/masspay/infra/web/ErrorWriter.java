package io.masspay.infra.web;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.util.List;

/** Writes the contract's error body; used by the exception handler and by the security filters. */
@Component
public class ErrorWriter {

    private final ObjectMapper json;

    public ErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, int status, ErrorCode code, String message,
                            List<FieldError> errors) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsBytes(new ErrorBody(code, message, errors));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
