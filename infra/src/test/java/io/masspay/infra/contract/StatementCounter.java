package io.masspay.infra.contract;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements the application prepares, per thread, without touching production code:
 * imported into a test's context, it wraps the {@code DataSource} bean in a proxy whose connections
 * count every {@code prepareStatement}, {@code createStatement} and {@code prepareCall}. A batched
 * statement (JDBC {@code addBatch}) counts once, as it is one statement sent with many rows.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final Map<String, AtomicInteger> byThread = new ConcurrentHashMap<>();
    private volatile boolean counting;

    public void start() {
        byThread.clear();
        counting = true;
    }

    /** Stops counting; answers the statements counted since {@link #start()}, by thread name. */
    public Map<String, Integer> stop() {
        counting = false;
        Map<String, Integer> counts = new TreeMap<>();
        byThread.forEach((thread, n) -> counts.put(thread, n.get()));
        return counts;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        Class<?>[] types = dataSource instanceof Closeable
                ? new Class<?>[]{DataSource.class, Closeable.class} : new Class<?>[]{DataSource.class};
        return Proxy.newProxyInstance(getClass().getClassLoader(), types, (proxy, method, args) -> {
            Object result = identity(proxy, method, args, () -> call(dataSource, method, args));
            return result instanceof Connection connection ? counted(connection) : result;
        });
    }

    private Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (counting && STATEMENT_METHODS.contains(method.getName())) {
                        byThread.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return identity(proxy, method, args, () -> call(connection, method, args));
                });
    }

    /** Proxies are equal to themselves only: Spring keys transaction resources by DataSource and Connection. */
    private static Object identity(Object proxy, Method method, Object[] args, Call delegate) throws Throwable {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 ? proxy == args[0] : delegate.call();
            case "hashCode" -> args == null ? System.identityHashCode(proxy) : delegate.call();
            default -> delegate.call();
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Throwable;
    }
}
