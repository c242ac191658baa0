package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleSetTests {
    @Test
    void readsTheLastLineOfJdepsAfterItsWarnings() {
        String output = """
                Warning: split package: javax.annotation jrt:/java.xml.ws.annotation lib/jsr305.jar
                java.base,java.desktop,java.sql,jdk.unsupported
                """;

        assertThat(ModuleSet.parseJdeps(output))
                .containsExactlyInAnyOrder("java.base", "java.desktop", "java.sql", "jdk.unsupported");
    }

    @Test
    void rejectsJdepsOutputThatIsNoModuleList() {
        assertThatThrownBy(() -> ModuleSet.parseJdeps("Error: Module jakarta.interceptor not found"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("jdeps did not print a module list")
                .satisfies(e -> assertThat(((ImageBuildException) e).output()).contains("jakarta.interceptor"));
        assertThatThrownBy(() -> ModuleSet.parseJdeps("")).isInstanceOf(ImageBuildException.class);
    }

    @Test
    void addsTheBaselineTheJdkHasAndSortsByName() {
        Set<String> available = Set.of(
                "java.base",
                "java.desktop",
                "java.instrument",
                "java.management",
                "java.naming",
                "java.sql",
                "jdk.management",
                "jdk.unsupported",
                "jdk.zipfs");

        ModuleSet modules = ModuleSet.of(List.of("java.desktop", "java.base"), available);

        assertThat(modules.joined())
                .isEqualTo("java.base,java.desktop,java.instrument,java.management,java.naming,java.sql,"
                        + "jdk.management,jdk.unsupported,jdk.zipfs");
        assertThat(modules.names()).doesNotContain("jdk.crypto.ec");
    }

    @Test
    void theSameModulesInAnyOrderGiveTheSameJlinkArgument() {
        Set<String> available = Set.copyOf(ModuleSet.BASELINE);
        assertThat(ModuleSet.of(List.of("java.sql", "java.base"), available).joined())
                .isEqualTo(ModuleSet.of(List.of("java.base", "java.sql"), available)
                        .joined());
    }

    @Test
    void readsJavaListModules() {
        assertThat(ModuleSet.parseListModules("java.base@25.0.3\njdk.zipfs@25.0.3\n\n"))
                .containsExactlyInAnyOrder("java.base", "jdk.zipfs");
    }
}
