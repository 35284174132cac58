package io.bta.tokenomics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Rules of the house that the compiler does not check. */
@AnalyzeClasses(packages = "io.bta.tokenomics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    /** Money is exact: no field, parameter or return value of the service is a floating-point number. */
    @ArchTest
    static final ArchRule noFloatingPoint = classes().should(new ArchCondition<JavaClass>("use no floating point") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            javaClass.getFields().stream()
                    .filter(f -> FLOATING_POINT.contains(f.getRawType().getName()))
                    .forEach(f -> events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is floating point")));
            javaClass.getMethods().forEach(m -> {
                if (FLOATING_POINT.contains(m.getRawReturnType().getName())) {
                    events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns floating point"));
                }
                m.getRawParameterTypes().stream()
                        .filter(p -> FLOATING_POINT.contains(p.getName()))
                        .forEach(p -> events.add(
                                SimpleConditionEvent.violated(m, m.getFullName() + " takes floating point")));
            });
        }
    });

    /** Controllers are thin adapters inside their module: package-private, in an internal package. */
    @ArchTest
    static final ArchRule controllersAreInternal = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .and()
            .resideOutsideOfPackage("io.bta.tokenomics.shared..")
            .should()
            .resideInAPackage("..internal..")
            .andShould()
            .notBePublic();

    /** Transactions belong to facades and services, never to controllers. */
    @ArchTest
    static final ArchRule noTransactionsInControllers = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .should()
            .beAnnotatedWith(Transactional.class);

    @ArchTest
    static final ArchRule noTransactionalControllers =
            noClasses().that().areAnnotatedWith(RestController.class).should().beAnnotatedWith(Transactional.class);

    /**
     * The batch writers (the ledger's group commit, the vote committer) know no HTTP: a request's
     * Idempotency-Key reaches them as a {@code KeptAnswers.Ticket}, kept by the idempotency layer.
     */
    @ArchTest
    static final ArchRule batchWritersKnowNoHttp = noClasses()
            .that()
            .areAssignableTo(io.bta.tokenomics.shared.batching.BatchCommitter.class)
            .or()
            .resideInAPackage("io.bta.tokenomics.shared.batching..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.bta.tokenomics.shared.idempotency..", "jakarta.servlet..", "org.springframework.http..");
}
