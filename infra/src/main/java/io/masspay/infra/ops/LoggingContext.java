package io.masspay.infra.ops;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts the {@code BatchId} and {@code TransactionId} of the message being handled into the logging
 * context (MDC), so every log line written while an event handler, a saga or a command handler works
 * for a batch or an item carries them; JSON logs show them as fields of their own. The ids are read
 * from the payload record's {@code batchId} / {@code transactionId} components (the messages are
 * records in shared-kernel), looked up once per payload class. The previous values are restored
 * afterwards: handlers run nested (a command sent from an event handler).
 */
public final class LoggingContext implements MessageHandlerInterceptor<Message<?>> {

    public static final String BATCH_ID = "BatchId";
    public static final String TRANSACTION_ID = "TransactionId";

    private static final Map<String, String> KEYS = Map.of("batchId", BATCH_ID, "transactionId", TRANSACTION_ID);

    private static final ClassValue<List<RecordComponent>> ID_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            List<RecordComponent> ids = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (KEYS.containsKey(component.getName())) {
                        component.getAccessor().setAccessible(true);
                        ids.add(component);
                    }
                }
            }
            return ids;
        }
    };

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        List<RecordComponent> ids = payload == null ? List.of() : ID_COMPONENTS.get(payload.getClass());
        if (ids.isEmpty()) {
            return chain.proceed();
        }
        Map<String, String> previous = MDC.getCopyOfContextMap();
        try {
            for (RecordComponent component : ids) {
                Object id = component.getAccessor().invoke(payload);
                if (id != null) {
                    MDC.put(KEYS.get(component.getName()), idValue(id));
                }
            }
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /** Typed ids are single-value records ({@code BatchId(String value)}); log the value, not the record. */
    static String idValue(Object id) {
        if (id.getClass().isRecord() && id.getClass().getRecordComponents().length == 1) {
            try {
                var accessor = id.getClass().getRecordComponents()[0].getAccessor();
                accessor.setAccessible(true);
                return String.valueOf(accessor.invoke(id));
            } catch (ReflectiveOperationException e) {
                return id.toString();
            }
        }
        return id.toString();
    }

    /** Runs {@code work} with the given id in the logging context (for work outside Axon's handlers). */
    public static <T> T with(String key, String value, java.util.concurrent.Callable<T> work) throws Exception {
        String previous = MDC.get(key);
        MDC.put(key, value);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
