package io.masspay.infra.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild allow-list stays true to the code: every read model of the query side is on it (or a new
 * processor there is declared acting), every one can be emptied by a reset handler, and nothing on it
 * lives outside the query side, where the processors that act are.
 */
class ReadModelsTest {

    @Test
    void shouldRebuildEveryQuerySideReadModelAndNothingElse() {
        Map<String, Set<Class<?>>> groups = processingGroups();
        Set<String> querySide = groups.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(c -> c.getPackageName().startsWith("io.masspay.query")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> unlisted = new HashSet<>(querySide);
        unlisted.removeAll(ReadModels.GROUPS);
        unlisted.removeAll(ReadModels.ACTING);

        assertThat(unlisted).as("query-side processors neither rebuilt nor declared acting").isEmpty();
        assertThat(querySide).containsAll(ReadModels.GROUPS);
        assertThat(ReadModels.GROUPS).doesNotContainAnyElementsOf(ReadModels.ACTING);
    }

    @Test
    void shouldLetEveryRebuiltReadModelEmptyItsTables() {
        processingGroups().forEach((group, classes) -> {
            if (ReadModels.GROUPS.contains(group)) {
                assertThat(classes).as(group).allSatisfy(type -> assertThat(Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(m -> m.isAnnotationPresent(ResetHandler.class))).as(type.getName()).isTrue());
            }
        });
    }

    private static Map<String, Set<Class<?>>> processingGroups() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        return scanner.findCandidateComponents("io.masspay").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(ReadModelsTest::load)
                .filter(ReadModelsTest::isProductionCode)
                .collect(Collectors.groupingBy(c -> c.getAnnotation(ProcessingGroup.class).value(),
                        Collectors.toSet()));
    }

    /** Test probes join processing groups too (AxonStorageIT); only what ships counts here. */
    private static boolean isProductionCode(Class<?> type) {
        return !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
