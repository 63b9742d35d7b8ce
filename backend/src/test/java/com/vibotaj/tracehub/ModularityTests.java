package com.vibotaj.tracehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs/adr/0001 are executable: crossing one fails the build. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TraceHubApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    /** Keeps docs/architecture/modules true: regenerated on every build (the generator empties its folder, so hand-written pages live one level up), and must show every module. */
    @Test
    void writesModuleDocumentationForEveryModule() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/architecture/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        String overview = Files.readString(Path.of("../docs/architecture/modules/components.puml"));
        modules.forEach(module -> assertThat(overview).contains(module.getDisplayName()));
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "identity", "reference");
    }
}
