package io.masspay.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

import static java.lang.String.format;

/**
 * Finds the aggregate a command is for by the same rules as Axon's {@link AnnotationCommandTargetResolver}
 * (the first method, else the first field, annotated {@code @TargetAggregateIdentifier}; likewise
 * {@code @TargetAggregateVersion}), but looks the annotated members up once per command class.
 *
 * <p>Why: Axon's resolver walks every method and field of the command, with their annotations, at every
 * dispatch, twice (identifier, then a version that our commands never carry). With every rail answer and
 * every wallet posting being a command, that walk was a hot spot of the rail benchmark, and its reflective
 * annotation reads kept the JIT compiler busy long after start.
 */
public final class CommandTargets implements CommandTargetResolver {

    private static final ClassValue<Function<Object, Object>> IDENTIFIERS = reader(TargetAggregateIdentifier.class);
    private static final ClassValue<Function<Object, Object>> VERSIONS = reader(TargetAggregateVersion.class);

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Class<?> type = command.getPayloadType();
        Object payload = command.getPayload();
        Object identifier = IDENTIFIERS.get(type).apply(payload);
        if (identifier == null) {
            throw new IllegalArgumentException(format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the "
                            + "fields or methods in the [%s] class contains the @TargetAggregateIdentifier annotation "
                            + "and that it returns a non-null value.", type.getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, asLong(VERSIONS.get(type).apply(payload)));
    }

    private static ClassValue<Function<Object, Object>> reader(Class<? extends Annotation> annotation) {
        return new ClassValue<>() {
            @Override
            protected Function<Object, Object> computeValue(Class<?> type) {
                for (Method method : ReflectionUtils.methodsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                        Method accessible = ReflectionUtils.ensureAccessible(method);
                        return payload -> invoke(accessible, payload);
                    }
                }
                for (Field field : ReflectionUtils.fieldsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                        return payload -> ReflectionUtils.getFieldValue(field, payload);
                    }
                }
                return payload -> null;
            }
        };
    }

    private static Object invoke(Method method, Object payload) {
        try {
            return method.invoke(payload);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information "
                    + "from a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        }
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }
}
