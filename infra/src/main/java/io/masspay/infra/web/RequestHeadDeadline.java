package io.masspay.infra.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request line and headers have not all arrived within a fixed time of it being
 * opened, or of the previous answer being sent. Netty's idle and read timeouts restart with every byte, so a
 * client trickling one byte every few seconds (slow loris) would hold the connection for ever; this deadline
 * does not move. Sits after the HTTP decoder, where a whole request head is one message.
 */
final class RequestHeadDeadline extends ChannelDuplexHandler {

    static final String NAME = "masspay.requestHeadDeadline";

    private final Duration deadline;
    private ScheduledFuture<?> closing;

    RequestHeadDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        if (context.channel().isActive()) {
            arm(context);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        arm(context);
        super.channelActive(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
        if (message instanceof HttpRequest) {
            disarm();
        }
        super.channelRead(context, message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof LastHttpContent) {
            promise.addListener(written -> arm(context)); // the next request's head gets the same time
        }
        super.write(context, message, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        disarm();
        super.channelInactive(context);
    }

    private void arm(ChannelHandlerContext context) {
        disarm();
        closing = context.executor().schedule(() -> {
            context.channel().close();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (closing != null) {
            closing.cancel(false);
            closing = null;
        }
    }
}
