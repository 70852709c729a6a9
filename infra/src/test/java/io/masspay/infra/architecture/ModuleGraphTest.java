package io.masspay.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module graph (README, "Module map"), enforced on the compiled classes: shared-kernel depends on
 * nothing of ours and on no framework beyond message annotations, but for the helpers every module shares,
 * {@code kernel.processing} (Axon's unit of work, Reactor's core); command-side, query-side and rails
 * depend on the kernel, never on each other; only infra assembles the application. The cli is a client
 * of the public API (ADR 0008): it uses none of our modules and no server framework, and no module uses it
 * (infra only in tests, which this import leaves out).
 */
class ModuleGraphTest {

    private static final String KERNEL = "io.masspay.kernel..";
    private static final String KERNEL_PROCESSING = "io.masspay.kernel.processing..";
    private static final String COMMAND = "io.masspay.command..";
    private static final String QUERY = "io.masspay.query..";
    private static final String RAILS = "io.masspay.rails..";
    private static final String INFRA = "io.masspay.infra..";
    private static final String CLI = "io.masspay.cli..";

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.masspay");
    }

    @Test
    void kernelDependsOnNoOtherModuleAndNoFramework() {
        noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, RAILS, INFRA,
                        "org.springframework..", "tools.jackson..", "jakarta.persistence..")
                .check(production);
        noClasses().that().resideInAPackage(KERNEL).and().resideOutsideOfPackage(KERNEL_PROCESSING)
                .should().dependOnClassesThat().resideInAnyPackage("reactor..")
                .check(production);
    }

    @Test
    void kernelUsesOnlyAxonsMessageAnnotations() {
        noClasses().that().resideInAPackage(KERNEL).and().resideOutsideOfPackage(KERNEL_PROCESSING)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Axon classes other than message annotations",
                        c -> c.getPackageName().startsWith("org.axonframework")
                                && !c.getName().equals("org.axonframework.modelling.command.TargetAggregateIdentifier")
                                && !c.getName().equals("org.axonframework.serialization.Revision")))
                .check(production);
    }

    /**
     * The helpers every module shares: collect during a unit of work and flush before it commits (Axon's unit of
     * work), and run blocking work off the event loop (Reactor's core, nothing of Spring or Netty).
     */
    @Test
    void kernelProcessingUsesOnlyAxonsUnitOfWorkAndReactorsCore() {
        noClasses().that().resideInAPackage(KERNEL_PROCESSING)
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Axon classes other than the unit of work",
                        c -> c.getPackageName().startsWith("org.axonframework")
                                && !c.getPackageName().equals("org.axonframework.messaging.unitofwork")))
                .check(production);
    }

    @Test
    void commandSideDependsOnlyOnTheKernel() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, RAILS, INFRA)
                .check(production);
    }

    @Test
    void querySideDependsOnlyOnTheKernel() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, RAILS, INFRA)
                .check(production);
    }

    @Test
    void railsDependOnlyOnTheKernel() {
        noClasses().that().resideInAPackage(RAILS)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, INFRA)
                .check(production);
    }

    /** Webhooks are one feature in one place: the outbox that promises a call and the delivery that makes it. */
    @Test
    void webhooksLiveInOnePackage() {
        classes().that().haveSimpleNameStartingWith("Webhook").or().haveSimpleNameStartingWith("Outbox")
                .should().resideInAPackage("io.masspay.infra.webhook")
                .check(production);
    }

    @Test
    void cliKnowsOnlyTheWireContract() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(KERNEL, COMMAND, QUERY, RAILS, INFRA,
                        "org.springframework..", "org.axonframework..", "reactor..", "tools.jackson..")
                .check(production);
    }

    @Test
    void noModuleDependsOnTheCli() {
        noClasses().that().resideInAnyPackage(KERNEL, COMMAND, QUERY, RAILS, INFRA)
                .should().dependOnClassesThat().resideInAPackage(CLI)
                .check(production);
    }

    @Test
    void onlyInfraIsASpringBootApplication() {
        classes().that().areAnnotatedWith(SpringBootApplication.class)
                .should().resideInAPackage(INFRA)
                .check(production);
    }
}
