package dev.kiln.codegen.merge;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.contributor.KilnRecordContributor;
import dev.kiln.codegen.contributor.migration.FlywayMigrationContributor;
import dev.kiln.codegen.contributor.migration.SchemaEvolution;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Plans a regeneration into an existing Kiln project: a three-way merge per file.
 *
 * <p>For each path Kiln generates now or generated last time, with <em>ours</em> the file on disk,
 * <em>theirs</em> the new generation and <em>base</em> last time's generation:
 *
 * <ul>
 *   <li>untouched (ours matches the manifest's digest): replaced by theirs, or deleted when Kiln no longer
 *       generates it;
 *   <li>edited: merged line by line with the base (the recorded spec regenerated, trusted only where its
 *       digest matches the manifest); changes on both sides to the same lines become conflict markers;
 *       without a trustworthy base, every difference is a conflict; an edited file Kiln no longer generates
 *       is kept;
 *   <li>deleted by the user: stays deleted unless {@code restore};
 *   <li>a file the user created at a path Kiln now generates: kept as it is;
 *   <li>files Kiln never generated: not considered, never touched. {@code .kiln/} always takes the new
 *       record;
 *   <li>extension points (the manifest's {@code createOnly}) are created once and never updated or merged
 *       again ({@link ExtensionPoints});
 *   <li>versioned Flyway migrations are never edited or deleted once they exist: a schema change between the
 *       recorded spec and the new one becomes a new migration ({@link SchemaEvolution}); a feature's migration
 *       (such as {@code V2__security.sql}) turned on later is renumbered after those already on disk.
 *       Repeatable ones ({@code R__...}) follow the rules above.
 * </ul>
 */
public final class Regenerator {
    private static final String RECORD_DIR = ".kiln/";
    private static final Pattern MIGRATION = Pattern.compile("V(\\d{1,9})(?:[._]\\d+)*__(.+\\.sql)");

    private Regenerator() {}

    /**
     * Plans the regeneration.
     *
     * @param next the new generation
     * @param previous the recorded spec generated again (the base), or null if it could not be
     * @param manifest what Kiln generated last time
     * @param dir the project directory
     * @param restore whether to bring back generated files the user deleted
     * @return the plan, in path order
     * @throws KilnException if a generated path is a directory or unreadable on disk
     */
    public static RegenerationPlan plan(
            GeneratedProject next, @Nullable GeneratedProject previous, Manifest manifest, Path dir, boolean restore) {
        NavigableSet<String> paths = new TreeSet<>(manifest.digests().keySet());
        next.paths().forEach(paths::add);
        Set<String> extensionPoints = new TreeSet<>(manifest.createOnly());
        if (next.contains(KilnRecordContributor.MANIFEST)) {
            extensionPoints.addAll(Manifest.parse(next.bytes(KilnRecordContributor.MANIFEST), "the new manifest")
                    .createOnly());
        }
        List<PlannedFile> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String path : paths) {
            byte[] ours = read(dir, path);
            byte[] theirs = next.contains(path) ? next.bytes(path) : null;
            PlannedFile file;
            if (path.startsWith(RECORD_DIR)) {
                file = record(path, ours, theirs);
            } else if (extensionPoints.contains(path)) {
                file = ExtensionPoints.plan(path, ours, theirs, manifest, restore);
                if (file != null && file.action() == FileAction.KEEP_ORPHAN) {
                    notes.add(ExtensionPoints.orphanNote(path));
                }
            } else {
                file = plan(path, ours, theirs, base(previous, manifest, path), manifest, restore);
            }
            if (file != null) {
                files.add(file);
            }
        }
        return new RegenerationPlan(files, notes);
    }

    /**
     * Plans regenerating a Kiln project from a new spec: reads {@code .kiln/manifest.json}, regenerates the
     * recorded {@code .kiln/spec.yaml} as the merge base, and generates the new spec.
     *
     * @param generator the generator (the running Kiln version)
     * @param spec the new spec
     * @param dir the project directory (with {@code .kiln/})
     * @param restore whether to bring back generated files the user deleted
     * @param allowDestructive whether the new migration may drop tables or columns or narrow types
     * @return the plan; its notes say when the base could not be reproduced, and name a new migration
     * @throws KilnException if the manifest is missing or unreadable, or the schema change is destructive and
     *     not allowed, or cannot be migrated
     */
    public static RegenerationPlan plan(
            ProjectGenerator generator, ServiceSpec spec, Path dir, boolean restore, boolean allowDestructive) {
        Manifest manifest = Manifest.read(dir.resolve(KilnRecordContributor.MANIFEST));
        List<String> notes = new ArrayList<>();
        // The new generation and the base are independent: make them at the same time.
        CompletableFuture<GeneratedProject> nextGeneration =
                CompletableFuture.supplyAsync(() -> generator.generate(spec));
        GeneratedProject previous = null;
        ServiceSpec recorded = null;
        try {
            recorded = new SpecReader().read(dir.resolve(KilnRecordContributor.SPEC));
            previous = generator.generate(recorded);
        } catch (KilnException e) {
            notes.add("cannot regenerate the recorded " + KilnRecordContributor.SPEC + " (" + e.getMessage()
                    + "), so every file you edited is treated as a conflict");
        }
        if (previous != null && !manifest.kilnVersion().equals(generator.kilnVersion())) {
            notes.add("the project was generated by Kiln " + manifest.kilnVersion() + " and this is "
                    + generator.kilnVersion() + "; edited files whose old output differs are treated as conflicts");
        }
        GeneratedProject next;
        try {
            next = nextGeneration.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        List<String> onDisk = migrationsOnDisk(dir);
        next = placeMigrations(next, dir, onDisk, manifest, notes);
        if (recorded != null) {
            SchemaEvolution.Migration migration = SchemaEvolution.between(
                    ServiceModel.of(recorded, generator.kilnVersion()),
                    ServiceModel.of(spec, generator.kilnVersion()),
                    allowDestructive);
            if (!migration.empty()) {
                String path = FlywayMigrationContributor.DIR + "V" + (latestVersion(onDisk, next) + 1) + "__"
                        + SchemaEvolution.description(migration) + ".sql";
                next = next.with(path, migration.sql().getBytes(StandardCharsets.UTF_8));
                notes.add("schema change: new migration " + path + " ("
                        + migration.changes().size() + " change"
                        + (migration.changes().size() == 1 ? "" : "s") + "); applied migrations are never edited");
            }
        } else {
            notes.add("without the recorded spec Kiln cannot tell how the schema changed: write a migration for"
                    + " any schema change by hand under " + FlywayMigrationContributor.DIR);
        }
        RegenerationPlan plan = plan(next, previous, manifest, dir, restore);
        notes.addAll(plan.notes());
        return new RegenerationPlan(plan.files(), notes);
    }

    private static @Nullable PlannedFile record(String path, byte @Nullable [] ours, byte @Nullable [] theirs) {
        if (theirs == null) {
            return null;
        }
        if (ours == null) {
            return new PlannedFile(path, FileAction.ADD, null, theirs, 0);
        }
        return new PlannedFile(path, same(ours, theirs) ? FileAction.UNCHANGED : FileAction.UPDATE, ours, theirs, 0);
    }

    private static @Nullable PlannedFile plan(
            String path,
            byte @Nullable [] ours,
            byte @Nullable [] theirs,
            byte @Nullable [] base,
            Manifest manifest,
            boolean restore) {
        boolean generatedBefore = manifest.generated(path);
        if (theirs == null) {
            if (ours == null) {
                return null;
            }
            if (versionedMigration(path)) {
                return new PlannedFile(path, FileAction.UNCHANGED, ours, ours, 0);
            }
            return manifest.matches(path, ours)
                    ? new PlannedFile(path, FileAction.DELETE, ours, null, 0)
                    : new PlannedFile(path, FileAction.KEEP_ORPHAN, ours, ours, 0);
        }
        if (ours == null) {
            if (!generatedBefore) {
                return new PlannedFile(path, FileAction.ADD, null, theirs, 0);
            }
            return restore
                    ? new PlannedFile(path, FileAction.RESTORE, null, theirs, 0)
                    : new PlannedFile(path, FileAction.KEEP_DELETED, null, null, 0);
        }
        if (same(ours, theirs)) {
            return new PlannedFile(path, FileAction.UNCHANGED, ours, ours, 0);
        }
        if (versionedMigration(path)) {
            // A migration may have run somewhere: never edit it; schema changes get a new one.
            return new PlannedFile(path, FileAction.UNCHANGED, ours, ours, 0);
        }
        if (!generatedBefore) {
            return new PlannedFile(path, FileAction.KEEP_YOURS, ours, ours, 0);
        }
        if (manifest.matches(path, ours)) {
            return new PlannedFile(path, FileAction.UPDATE, ours, theirs, 0);
        }
        if (base != null && same(base, theirs)) {
            return new PlannedFile(path, FileAction.KEEP_EDIT, ours, ours, 0);
        }
        if (TextMerge.binary(ours) || TextMerge.binary(theirs)) {
            // No line merge for binary content: keep the user's bytes and report the conflict.
            return new PlannedFile(path, FileAction.CONFLICT, ours, ours, 1);
        }
        TextMerge.Outcome merged = TextMerge.merge(base == null ? new byte[0] : base, ours, theirs);
        if (merged.conflicts() > 0) {
            return new PlannedFile(path, FileAction.CONFLICT, ours, merged.content(), merged.conflicts());
        }
        return same(merged.content(), ours)
                ? new PlannedFile(path, FileAction.KEEP_EDIT, ours, ours, 0)
                : new PlannedFile(path, FileAction.MERGE, ours, merged.content(), 0);
    }

    /**
     * Fits the generated Flyway migrations to the ones on disk. A generated migration is known by its
     * description ({@code security} in {@code V2__security.sql}), not its version: one already on disk under
     * any version is left as it is; a new one whose version is not above every migration on disk (a feature
     * such as {@code auth} turned on after schema changes took {@code V2}) is renumbered after them, since
     * Flyway neither runs two migrations of one version nor one older than the latest it has applied.
     */
    private static GeneratedProject placeMigrations(
            GeneratedProject next, Path dir, List<String> onDisk, Manifest manifest, List<String> notes) {
        Set<String> descriptions = new HashSet<>();
        for (String name : onDisk) {
            Matcher matcher = MIGRATION.matcher(name);
            if (matcher.matches()) {
                descriptions.add(matcher.group(2));
            }
        }
        int latest = latestVersion(onDisk, null);
        GeneratedProject placed = next;
        List<String> paths = new ArrayList<>();
        next.paths().forEach(paths::add);
        for (String path : paths) {
            if (!path.startsWith(FlywayMigrationContributor.DIR)
                    || Files.exists(dir.resolve(path))
                    || manifest.generated(path)) {
                continue;
            }
            Matcher matcher = MIGRATION.matcher(path.substring(FlywayMigrationContributor.DIR.length()));
            if (!matcher.matches()) {
                continue;
            }
            String description = matcher.group(2);
            if (descriptions.contains(description)) {
                placed = placed.without(path);
            } else if (!onDisk.isEmpty() && Integer.parseInt(matcher.group(1)) <= latest) {
                latest++;
                String renumbered = FlywayMigrationContributor.DIR + "V" + latest + "__" + description;
                placed = placed.without(path).with(renumbered, next.bytes(path));
                notes.add("new migration " + renumbered + " (generated as " + path
                        + "; renumbered after the migrations already in the project)");
            }
        }
        return placed;
    }

    /**
     * Whether a path is a versioned Flyway migration, which may have run somewhere and so is never edited.
     * Repeatable ones ({@code R__...}) are re-run by Flyway when they change, so they follow the usual rules.
     */
    private static boolean versionedMigration(String path) {
        return path.startsWith(FlywayMigrationContributor.DIR + "V");
    }

    /** The file names of the Flyway migrations on disk. */
    private static List<String> migrationsOnDisk(Path dir) {
        Path migrations = dir.resolve(FlywayMigrationContributor.DIR);
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> MIGRATION.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new KilnException("cannot list the migrations in " + migrations + ": " + e.getMessage());
        }
    }

    /**
     * The highest major version among the migrations on disk and, when given, those a generation is about to
     * add (a feature's migration placed in this same run), or 1 when there are none.
     */
    private static int latestVersion(List<String> onDisk, @Nullable GeneratedProject adding) {
        List<String> names = new ArrayList<>(onDisk);
        if (adding != null) {
            for (String path : adding.paths()) {
                if (path.startsWith(FlywayMigrationContributor.DIR)) {
                    names.add(path.substring(FlywayMigrationContributor.DIR.length()));
                }
            }
        }
        int latest = 1;
        for (String name : names) {
            Matcher matcher = MIGRATION.matcher(name);
            if (matcher.matches()) {
                latest = Math.max(latest, Integer.parseInt(matcher.group(1)));
            }
        }
        return latest;
    }

    private static byte @Nullable [] base(@Nullable GeneratedProject previous, Manifest manifest, String path) {
        if (previous == null || !previous.contains(path)) {
            return null;
        }
        byte[] base = previous.bytes(path);
        return manifest.matches(path, base) ? base : null;
    }

    private static byte @Nullable [] read(Path dir, String path) {
        Path file = dir.resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KilnException(file + " is not a regular file, but Kiln generates a file at " + path
                    + "; move it away and generate again");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KilnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
