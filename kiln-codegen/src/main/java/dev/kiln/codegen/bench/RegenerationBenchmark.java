package dev.kiln.codegen.bench;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.merge.FileAction;
import dev.kiln.codegen.merge.RegenerationPlan;
import dev.kiln.codegen.merge.Regenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures in-process regeneration of an edited project: a synthetic spec is generated into a directory,
 * some generated files are edited by "the user", and the timed rounds alternate between a spec with one
 * more field on some entities and the original one, each a full plan (three-way merge) and apply.
 */
public final class RegenerationBenchmark {
    /** How many entities get the extra field, and how many service classes the user edits. */
    public static final int CHANGED_ENTITIES = 5;

    /**
     * The figures.
     *
     * @param entities the number of entities
     * @param files the number of generated files
     * @param changedFiles files written per regeneration (median round)
     * @param mergedFiles files merged with the user's edits per regeneration
     * @param medianMillis median plan-and-apply time
     * @param p90Millis 90th-percentile plan-and-apply time
     * @param rounds timed rounds
     */
    public record Result(
            int entities,
            int files,
            int changedFiles,
            int mergedFiles,
            double medianMillis,
            double p90Millis,
            int rounds) {}

    private final ProjectGenerator generator;

    /**
     * Creates a benchmark.
     *
     * @param generator the generator to measure
     */
    public RegenerationBenchmark(ProjectGenerator generator) {
        this.generator = generator;
    }

    /**
     * Returns a spec like {@code spec} with one more optional field on its first entities.
     *
     * @param spec the spec
     * @return the changed spec
     */
    public static ServiceSpec withExtraField(ServiceSpec spec) {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            Entity entity = spec.entities().get(i);
            if (i < CHANGED_ENTITIES) {
                List<Field> fields = new ArrayList<>(entity.fields());
                fields.add(new Field(
                        "benchNote",
                        FieldType.STRING,
                        false,
                        false,
                        null,
                        null,
                        null,
                        200,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null));
                entity = new Entity(entity.name(), entity.plural(), entity.description(), fields, entity.indexes());
            }
            entities.add(entity);
        }
        return new ServiceSpec(
                spec.kiln(),
                spec.name(),
                spec.basePackage(),
                spec.description(),
                entities,
                spec.relations(),
                spec.features());
    }

    /**
     * Edits the service classes of the entities that {@link #withExtraField} changes, the way a user would:
     * a line between two methods, so every one of them needs a real three-way merge.
     *
     * @param dir the project
     * @param project what was generated there
     * @return how many files were edited
     */
    public static int editServices(Path dir, GeneratedProject project) {
        int edited = 0;
        for (String path : project.paths()) {
            if (!isChangedService(path)) {
                continue;
            }
            Path file = dir.resolve(path);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String marker = "    private ";
                int at = text.lastIndexOf(marker);
                if (at < 0) {
                    continue;
                }
                Files.writeString(file, text.substring(0, at) + "    // edited by the user\n" + text.substring(at));
                edited++;
            } catch (IOException e) {
                throw new KilnException("cannot edit " + file + ": " + e.getMessage(), e);
            }
        }
        return edited;
    }

    private static boolean isChangedService(String path) {
        for (int i = 0; i < CHANGED_ENTITIES; i++) {
            if (path.endsWith("/Thing" + i + "Service.java")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the benchmark in a fresh directory under {@code workDir}.
     *
     * @param entities the number of entities of the synthetic spec
     * @param warmups untimed rounds
     * @param rounds timed rounds
     * @param workDir where to write the project (deleted afterwards)
     * @return the figures
     */
    public Result measure(int entities, int warmups, int rounds, Path workDir) {
        ServiceSpec base = SyntheticSpecs.withEntities(entities);
        ServiceSpec changed = withExtraField(base);
        Path dir = workDir.resolve("regen-" + entities);
        GeneratedProject first = generator.generate(base);
        ProjectWriter.writeNew(first, dir);
        try {
            editServices(dir, first);
            double[] millis = new double[rounds];
            int changedFiles = 0;
            int merged = 0;
            for (int i = 0; i < warmups + rounds; i++) {
                ServiceSpec next = i % 2 == 0 ? changed : base;
                long start = System.nanoTime();
                RegenerationPlan plan = Regenerator.plan(generator, next, dir, false, true);
                ProjectWriter.apply(plan, dir);
                double took = (System.nanoTime() - start) / 1e6;
                if (!plan.conflicts().isEmpty()) {
                    throw new KilnException("benchmark regeneration produced conflicts: " + plan.conflicts());
                }
                if (i >= warmups) {
                    millis[i - warmups] = took;
                    changedFiles = plan.changes().size();
                    merged = (int) plan.changes().stream()
                            .filter(f -> f.action() == FileAction.MERGE)
                            .count();
                }
            }
            Arrays.sort(millis);
            return new Result(
                    entities,
                    first.size(),
                    changedFiles,
                    merged,
                    millis[(int) Math.ceil(0.5 * rounds) - 1],
                    millis[(int) Math.ceil(0.9 * rounds) - 1],
                    rounds);
        } finally {
            ProjectWriter.deleteRecursively(dir);
        }
    }
}
