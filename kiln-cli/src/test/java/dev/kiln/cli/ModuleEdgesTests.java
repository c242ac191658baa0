package dev.kiln.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the module edges of ARCHITECTURE.md honest: dependencies point inward, toward kiln-spec. */
class ModuleEdgesTests {
    private static final JavaClasses KILN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kiln");

    @Test
    void specDependsOnNoOtherKilnModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.spec..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kiln.codegen..", "dev.kiln.cli..")
                .check(KILN);
    }

    @Test
    void intentDependsOnlyOnTheSpec() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.intent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kiln.codegen..", "dev.kiln.cli..")
                .check(KILN);
    }

    @Test
    void llmDependsOnNoOtherKilnModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.llm..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.kiln.spec..",
                        "dev.kiln.intent..",
                        "dev.kiln.codegen..",
                        "dev.kiln.guard..",
                        "dev.kiln.rag..",
                        "dev.kiln.cli..")
                .check(KILN);
    }

    @Test
    void noOtherModuleReachesIntoTheLlmInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.kiln.llm..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.kiln.llm.internal..")
                .check(KILN);
    }

    @Test
    void guardDependsOnNoOtherKilnModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.guard..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.kiln.spec..",
                        "dev.kiln.llm..",
                        "dev.kiln.intent..",
                        "dev.kiln.codegen..",
                        "dev.kiln.cli..")
                .check(KILN);
    }

    @Test
    void noLibraryDependsOnTheGuardYet() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.kiln.spec..", "dev.kiln.llm..", "dev.kiln.intent..", "dev.kiln.codegen..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.kiln.guard..")
                .check(KILN);
    }

    @Test
    void codegenDoesNotReachUpIntoTheCli() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.codegen..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.kiln.cli..")
                .check(KILN);
    }

    /** kiln-rag may use kiln-llm (a library below both it and kiln-intent), never kiln-intent itself. */
    @Test
    void ragDependsOnNoOtherKilnModuleButTheLlmPlumbing() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.rag..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kiln.spec..", "dev.kiln.intent..", "dev.kiln.codegen..", "dev.kiln.cli..")
                .check(KILN);
    }

    @Test
    void onlyTheCliUsesRag() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.kiln.spec..",
                        "dev.kiln.llm..",
                        "dev.kiln.intent..",
                        "dev.kiln.codegen..",
                        "dev.kiln.guard..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.kiln.rag..")
                .check(KILN);
    }

    @Test
    void librariesNeverPrint() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.kiln.spec..",
                        "dev.kiln.llm..",
                        "dev.kiln.intent..",
                        "dev.kiln.codegen..",
                        "dev.kiln.rag..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(KILN);
    }

    @Test
    void contributorsDoNotDependOnTheWriterOrTheVerifier() {
        noClasses()
                .that()
                .resideInAPackage("dev.kiln.codegen.contributor..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.kiln.codegen.writer..", "dev.kiln.codegen.verify..")
                .check(KILN);
    }
}
