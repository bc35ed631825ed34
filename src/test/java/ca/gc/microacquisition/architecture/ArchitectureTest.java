package ca.gc.microacquisition.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gc.microacquisition.security.SecurityChainOrder;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The boundaries drawn in docs/architecture.md and the packages' {@code package-info}: the domain is free of the
 * engine and of adapters, adapters are reached only through their ports, top-level packages do not depend on each
 * other in cycles, procurement is only the port to the process, every Spring Security filter chain lives in
 * {@code security} with its place in {@link SecurityChainOrder}, and the supplier portal maps no staff page.
 */
class ArchitectureTest {

    private static final String ROOT = "ca.gc.microacquisition";
    private static final String SECURITY = ROOT + ".security";

    /** The feature packages that hold the business rules (no engine, no adapter). */
    private static final String[] DOMAIN = {
        ROOT + ".opportunity..", ROOT + ".proposal..", ROOT + ".contract..", ROOT + ".payment..",
        ROOT + ".payee..", ROOT + ".supplier..", ROOT + ".subscription..", ROOT + ".splitting..",
        ROOT + ".procurement..", ROOT + ".notification..", ROOT + ".repositoryhost..", ROOT + ".common.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theDomainNeverUsesTheEngine() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.camunda..")
                .because("only process/ and the engine-side packages talk to Camunda");
        rule.check(classes);
    }

    @Test
    void theDomainNeverUsesAnAdapter() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".adapters..")
                .because("the domain declares ports; adapters implement them");
        rule.check(classes);
    }

    @Test
    void adaptersAreReachedOnlyThroughTheirPorts() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".adapters..")
                .because("callers use the port (RepositoryHost, OpportunityIssues, Notifier, NotificationLog,"
                        + " CardProcessor, PayoutAccounts)");
        rule.check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void procurementIsOnlyThePortToTheProcess() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(ROOT + ".procurement..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".procurement.."))))
                .because("procurement.ProcurementEvents is the seam the domain calls and process implements;"
                        + " what serves only the process lives in process");
        rule.check(classes);
    }

    @Test
    void everySecurityFilterChainLivesInTheSecurityPackageWithItsOrder() {
        ArchRule rule = methods()
                .that()
                .haveRawReturnType(SecurityFilterChain.class)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage(SECURITY)
                .andShould()
                .beAnnotatedWith(Order.class)
                .because("the service's filter chains are read, and ordered, in one place");
        rule.check(classes);
    }

    /** One ordering scheme: every chain's {@code @Order} is one of SecurityChainOrder's constants, none twice. */
    @Test
    void everySecurityFilterChainTakesItsOwnPlaceInSecurityChainOrder() throws IllegalAccessException {
        Set<Integer> places = new HashSet<>();
        for (Field f : SecurityChainOrder.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertThat(places.add(f.getInt(null)))
                        .as("SecurityChainOrder.%s is a place of its own", f.getName())
                        .isTrue();
            }
        }
        Set<Integer> used = new HashSet<>();
        for (JavaClass c : classes) {
            for (JavaMethod m : c.getMethods()) {
                if (m.getRawReturnType().isEquivalentTo(SecurityFilterChain.class) && m.isAnnotatedWith(Order.class)) {
                    int order = m.getAnnotationOfType(Order.class).value();
                    assertThat(places)
                            .as("@Order of %s is a SecurityChainOrder constant", m.getFullName())
                            .contains(order);
                    assertThat(used.add(order))
                            .as("%s has a place no other chain has", m.getFullName())
                            .isTrue();
                }
            }
        }
        assertThat(used).as("the service's security filter chains").isNotEmpty();
    }

    @Test
    void staffPagesLiveWithTheStaffViews() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(ROOT + ".portal..")
                .should(mapAStaffPath())
                .because("the portal is the suppliers' site; staff pages live in audit (and rules for rule changes)");
        rule.check(classes);
    }

    private static ArchCondition<JavaClass> mapAStaffPath() {
        return new ArchCondition<>("map a /staff path") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Class<?> type = c.reflect();
                Stream.concat(Stream.of(type), Stream.of(type.getDeclaredMethods()))
                        .map(element -> AnnotatedElementUtils.findMergedAnnotation(element, RequestMapping.class))
                        .filter(Objects::nonNull)
                        .flatMap(mapping -> Stream.of(mapping.path()))
                        .filter(path -> path.startsWith("/staff"))
                        .forEach(path -> events.add(SimpleConditionEvent.satisfied(c, c.getName() + " maps " + path)));
            }
        };
    }
}
