package dev.kiln.cli;

import static dev.kiln.cli.KilnCommandTests.kiln;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.KilnCommandTests.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln generate} into an existing project, {@code --dry-run}, {@code --restore} and {@code kiln diff}. */
class RegenerateCommandTests {
    private static final Path EXAMPLE = Path.of("../examples/blog.kiln.yaml");
    private static final String SERVICE = "src/main/java/com/example/blog/post/PostService.java";
    private static final String FUZZ = "src/test/java/com/example/blog/FuzzApiTest.java";
    private static final String V1 = "src/main/resources/db/migration/V1__init.sql";
    private static final String V2 = "src/main/resources/db/migration/V2__kiln_add_column_posts_subtitle.sql";

    @TempDir
    Path dir;

    private Path project;
    private Path changedSpec;

    @BeforeEach
    void generate() throws IOException {
        project = dir.resolve("blog");
        assertThat(kiln("generate", EXAMPLE.toString(), "--out", project.toString())
                        .code())
                .isZero();
        changedSpec = dir.resolve("kiln.yaml");
        Files.writeString(
                changedSpec,
                Files.readString(EXAMPLE)
                        .replace(
                                "      - { name: body, type: text }",
                                "      - { name: body, type: text }\n"
                                        + "      - { name: subtitle, type: string, maxLength: 300 }"));
    }

    @Test
    void theSameSpecAgainTouchesNothing() throws IOException {
        long before = Files.getLastModifiedTime(project.resolve(SERVICE)).toMillis();

        Run run = kiln("generate", EXAMPLE.toString(), "--out", project.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("nothing to change");
        assertThat(Files.getLastModifiedTime(project.resolve(SERVICE)).toMillis())
                .isEqualTo(before);
    }

    @Test
    void aChangedSpecMergesIntoAnEditedFileAndKeepsUserFilesAndDeletions() throws IOException {
        edit(SERVICE, "    public PostResponse get(long id) {", "    // mine\n    public PostResponse get(long id) {");
        Path helper = Files.writeString(project.resolve("src/main/java/com/example/blog/post/Helper.java"), "x");
        Files.delete(project.resolve(FUZZ));

        Run run = kiln("generate", changedSpec.toString(), "--out", project.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("merge        " + SERVICE).contains("keep deleted " + FUZZ);
        String service = Files.readString(project.resolve(SERVICE));
        assertThat(service).contains("// mine").contains("post.setSubtitle(request.subtitle());");
        assertThat(helper).hasContent("x");
        assertThat(project.resolve(FUZZ)).doesNotExist();
        assertThat(project.resolve(".kiln/spec.yaml")).content().contains("subtitle");
        assertThat(run.out()).contains("new migration " + V2);
        assertThat(project.resolve(V1)).content().doesNotContain("subtitle");
        assertThat(project.resolve(V2)).content().contains("alter table posts add column subtitle varchar(300);");
    }

    @Test
    void aRenamedFieldRenamesItsColumnAndMergesIntoAnEditedService() throws IOException {
        edit(SERVICE, "    public PostResponse get(long id) {", "    // mine\n    public PostResponse get(long id) {");
        Path renamed = dir.resolve("renamed.yaml");
        Files.writeString(
                renamed,
                Files.readString(EXAMPLE)
                        .replace(
                                "      - { name: body, type: text }\n",
                                "      - { name: content, renamedFrom: body, type: text }\n"));
        String migration = "src/main/resources/db/migration/V2__kiln_rename_column_posts_body_to_content.sql";

        Run run = kiln("generate", renamed.toString(), "--out", project.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("merge        " + SERVICE).contains("new migration " + migration);
        assertThat(project.resolve(migration))
                .content()
                .contains("alter table posts rename column body to content;")
                .doesNotContain("drop");
        assertThat(Files.readString(project.resolve(SERVICE)))
                .contains("// mine")
                .contains("post.setContent(request.content());")
                .doesNotContain("setBody");

        Run again = kiln("generate", renamed.toString(), "--out", project.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to change");
    }

    @Test
    void aDestructiveSpecChangeIsRefusedUnlessAllowed() throws IOException {
        Path dropped = dir.resolve("dropped.yaml");
        Files.writeString(dropped, Files.readString(EXAMPLE).replace("      - { name: body, type: text }\n", ""));

        Run refused = kiln("generate", dropped.toString(), "--out", project.toString());

        assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err())
                .contains("dropping column posts.body deletes its values")
                .contains("--allow-destructive");
        assertThat(project.resolve(".kiln/spec.yaml")).content().contains("name: body");

        Run allowed = kiln("generate", dropped.toString(), "--out", project.toString(), "--allow-destructive");

        assertThat(allowed.code()).isZero();
        assertThat(project.resolve("src/main/resources/db/migration/V2__kiln_drop_column_posts_body.sql"))
                .content()
                .contains("-- DESTROYS DATA")
                .contains("alter table posts drop column body;");
    }

    @Test
    void aFeatureMigrationTurnedOnAfterASchemaChangeIsNumberedAfterIt() throws IOException {
        assertThat(kiln("generate", changedSpec.toString(), "--out", project.toString())
                        .code())
                .isZero();
        assertThat(project.resolve(V2)).exists();
        Path withAuth = dir.resolve("auth.yaml");
        Files.writeString(
                withAuth,
                Files.readString(changedSpec).replace("features:\n", "features:\n  auth: { type: apiKey }\n"));

        Run run = kiln("generate", withAuth.toString(), "--out", project.toString());

        assertThat(run.code()).as(run.err()).isZero();
        Path migrations = project.resolve("src/main/resources/db/migration");
        assertThat(migrations.resolve("V2__security.sql")).doesNotExist();
        assertThat(migrations.resolve("V3__security.sql")).content().contains("create table");
        assertThat(run.out()).contains("renumbered after the migrations already in the project");

        Run again = kiln("generate", withAuth.toString(), "--out", project.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing to change");
        try (var files = Files.list(migrations)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly(
                            "R__rate_limit_buckets.sql",
                            "V1__init.sql",
                            V2.substring(V2.lastIndexOf('/') + 1),
                            "V3__security.sql");
        }
    }

    @Test
    void aFeatureMigrationAndASchemaChangeInOneRunGetTwoVersions() throws IOException {
        Path both = dir.resolve("both.yaml");
        Files.writeString(
                both, Files.readString(changedSpec).replace("features:\n", "features:\n  auth: { type: apiKey }\n"));

        Run run = kiln("generate", both.toString(), "--out", project.toString());

        assertThat(run.code()).as(run.err()).isZero();
        Path migrations = project.resolve("src/main/resources/db/migration");
        assertThat(migrations.resolve("V2__security.sql")).content().contains("create table");
        assertThat(migrations.resolve("V3__kiln_add_column_posts_subtitle.sql"))
                .content()
                .contains("alter table posts add column subtitle varchar(300);");
    }

    @Test
    void overlappingChangesExitThreeWithMarkersAndLoseNothing() throws IOException {
        edit(SERVICE, "        post.setBody(request.body());", "        post.setBody(request.body().strip());");

        Run run = kiln("generate", changedSpec.toString(), "--out", project.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.CONFLICTS);
        assertThat(run.out()).contains("CONFLICT     " + SERVICE).contains("resolve the <<<<<<< yours");
        assertThat(Files.readString(project.resolve(SERVICE)))
                .contains("<<<<<<< yours\n")
                .contains("post.setBody(request.body().strip());")
                .contains("post.setSubtitle(request.subtitle());")
                .contains(">>>>>>> kiln\n");
    }

    @Test
    void dryRunAndDiffPrintThePlanAndChangeNothing() throws IOException {
        String pomBefore = Files.readString(project.resolve(".kiln/spec.yaml"));

        Run dry = kiln("generate", changedSpec.toString(), "--out", project.toString(), "--dry-run");
        Run diff = kiln("diff", changedSpec.toString(), project.toString());

        assertThat(dry.code()).isZero();
        assertThat(dry.out())
                .contains("Plan: ")
                .contains("update       src/main/java/com/example/blog/post/Post.java")
                .contains("+    private String subtitle;");
        assertThat(diff.out()).isEqualTo(dry.out());
        assertThat(project.resolve(".kiln/spec.yaml")).hasContent(pomBefore.strip());
        assertThat(Files.readString(project.resolve("src/main/java/com/example/blog/post/Post.java")))
                .doesNotContain("subtitle");
    }

    @Test
    void restoreBringsBackADeletedGeneratedFile() throws IOException {
        Files.delete(project.resolve(FUZZ));

        Run run = kiln("generate", EXAMPLE.toString(), "--out", project.toString(), "--restore");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("restore      " + FUZZ);
        assertThat(project.resolve(FUZZ)).exists();
    }

    @Test
    void diffRefusesADirectoryThatIsNotAKilnProject() {
        Run run = kiln("diff", EXAMPLE.toString(), dir.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("not a Kiln project").contains("kiln generate");
    }

    @Test
    void aMissingManifestIsAClearError() throws IOException {
        Files.delete(project.resolve(".kiln/manifest.json"));

        Run run = kiln("generate", changedSpec.toString(), "--out", project.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("manifest.json is missing").contains("version control");
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = project.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
