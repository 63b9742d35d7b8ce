package com.vibotaj.tracehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantContext;
import com.vibotaj.tracehub.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packagesOf = TraceHubApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Changing the tenant scope is the most dangerous thing code can do; only one door leads there. */
    @ArchTest
    static final ArchRule onlyScopedTransactionsSwitchesTheTenant = noClasses()
            .that()
            .doNotBelongToAnyOf(ScopedTransactions.class, TenantContext.class)
            .should()
            .callMethod(TenantContext.class, "callAs", TenantScope.class, java.util.function.Supplier.class)
            .orShould()
            .callMethod(TenantContext.class, "runAs", TenantScope.class, Runnable.class);

    /** HTTP is an adapter: controllers live in a module's web package (or the platform's internals). */
    @ArchTest
    static final ArchRule controllersLiveInWebPackages = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAnyPackage("..web..", "..platform.internal..");

    /** Business modules never reach into the platform's internals; they use its public API only. */
    @ArchTest
    static final ArchRule platformInternalsStayInternal = noClasses()
            .that()
            .resideOutsideOfPackage("..platform..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..platform.internal..");

    /** Constructor injection keeps dependencies visible and classes testable without a container. */
    @ArchTest
    static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith(Autowired.class);

    /** All SQL goes through Spring's JDBC support with bind parameters; raw JDBC invites concatenation. */
    @ArchTest
    static final ArchRule noRawJdbcStatementsOutsidePlatform = noClasses()
            .that()
            .resideOutsideOfPackage("..platform.internal.db..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.Statement");
}
