package io.masspay.infra.web;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The server's bounds on connections ({@link ConnectionSettings}, ADR 0015): Reactor Netty's idle, read and
 * request timeouts and its connection cap, plus the request-head deadline Reactor Netty does not have
 * ({@link RequestHeadDeadline}). Without them 50 connections trickling a byte every 5 s stayed open for good.
 */
@Component
@EnableConfigurationProperties(ConnectionSettings.class)
class ConnectionLimits implements NettyServerCustomizer {

    private final ConnectionSettings settings;

    ConnectionLimits(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(settings.idleTimeout())
                .readTimeout(settings.readTimeout())
                .requestTimeout(settings.requestTimeout())
                .maxConnections(settings.maxConnections())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(RequestHeadDeadline.NAME) == null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, RequestHeadDeadline.NAME,
                                new RequestHeadDeadline(settings.requestHeadTimeout()));
                    }
                });
    }
}
