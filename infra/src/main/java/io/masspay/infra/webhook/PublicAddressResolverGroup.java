package io.masspay.infra.webhook;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultNameResolver;
import io.netty.resolver.NameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;

/**
 * The address resolution of webhook deliveries under {@code require-https}: every connection's address is
 * resolved here, just before the connection is made, and a special-use address ({@link PrivateAddresses}) is
 * refused, so the check is made on the address actually dialled. A name that was public when the URL was set
 * and resolves to 127.0.0.1 at delivery time (DNS rebinding) fails like an unreachable host. IP literals, which
 * Netty would otherwise dial without asking any resolver, are checked too (ADR 0015).
 */
final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    /** The lookup of a name: the system's resolver in production, a stub in tests. */
    private final Function<EventExecutor, NameResolver<InetAddress>> names;

    PublicAddressResolverGroup() {
        this(DefaultNameResolver::new);
    }

    PublicAddressResolverGroup(Function<EventExecutor, NameResolver<InetAddress>> names) {
        this.names = names;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new PublicOnly(executor, names.apply(executor));
    }

    private static final class PublicOnly extends AbstractAddressResolver<InetSocketAddress> {

        private final NameResolver<InetAddress> names;

        PublicOnly(EventExecutor executor, NameResolver<InetAddress> names) {
            super(executor, InetSocketAddress.class);
            this.names = names;
        }

        /** Never: an address already resolved (an IP literal) is still checked in {@link #doResolve}. */
        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
            if (!unresolved.isUnresolved()) {
                complete(promise, unresolved.getAddress(), unresolved);
                return;
            }
            names.resolve(unresolved.getHostString()).addListener((Future<InetAddress> lookup) -> {
                if (lookup.isSuccess()) {
                    complete(promise, lookup.getNow(), unresolved);
                } else {
                    promise.setFailure(lookup.cause());
                }
            });
        }

        private static void complete(Promise<InetSocketAddress> promise, InetAddress address, InetSocketAddress asked) {
            if (PrivateAddresses.isPrivate(address)) {
                promise.setFailure(refused(asked, address));
            } else {
                promise.setSuccess(new InetSocketAddress(address, asked.getPort()));
            }
        }

        @Override
        protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
            if (!unresolved.isUnresolved()) {
                if (PrivateAddresses.isPrivate(unresolved.getAddress())) {
                    promise.setFailure(refused(unresolved, unresolved.getAddress()));
                } else {
                    promise.setSuccess(List.of(unresolved));
                }
                return;
            }
            names.resolveAll(unresolved.getHostString()).addListener((Future<List<InetAddress>> lookup) -> {
                if (!lookup.isSuccess()) {
                    promise.setFailure(lookup.cause());
                    return;
                }
                // one special-use answer refuses the name: a rebinding server may mix a public address in
                for (InetAddress address : lookup.getNow()) {
                    if (PrivateAddresses.isPrivate(address)) {
                        promise.setFailure(refused(unresolved, address));
                        return;
                    }
                }
                promise.setSuccess(lookup.getNow().stream()
                        .map(a -> new InetSocketAddress(a, unresolved.getPort())).toList());
            });
        }

        private static UnknownHostException refused(SocketAddress asked, InetAddress address) {
            return new UnknownHostException("Refused to connect to " + asked + ": " + address.getHostAddress()
                    + " is a special-use address (masspay.webhooks.require-https)");
        }

        @Override
        public void close() {
            names.close();
        }
    }
}
