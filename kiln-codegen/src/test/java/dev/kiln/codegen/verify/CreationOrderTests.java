package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreationOrderTests {

    @Test
    void createsReferencedEntitiesFirstAndOtherwiseKeepsTheGivenOrder() throws StepFailure {
        List<SmokeTarget> targets = List.of(
                target("Post", required("authorId", "Author"), optionalMany("tagIds", "Tag")),
                target("Order"),
                target("Author"),
                target("Tag"));

        assertThat(entities(CreationOrder.of(targets))).containsExactly("Order", "Author", "Tag", "Post");
    }

    @Test
    void followsChainsOfReferences() throws StepFailure {
        List<SmokeTarget> targets = List.of(
                target("Comment", required("postId", "Post")),
                target("Post", required("authorId", "Author")),
                target("Author"));

        assertThat(entities(CreationOrder.of(targets))).containsExactly("Author", "Post", "Comment");
    }

    @Test
    void leavesOutOptionalSelfReferences() throws StepFailure {
        List<SmokeTarget> targets = List.of(target("Category", optional("parentId", "Category")), target("Shop"));

        assertThat(entities(CreationOrder.of(targets))).containsExactly("Category", "Shop");
    }

    @Test
    void breaksCyclesAtAnOptionalReference() throws StepFailure {
        List<SmokeTarget> targets = List.of(
                target("Employee", required("departmentId", "Department")),
                target("Department", optional("managerId", "Employee")));

        assertThat(entities(CreationOrder.of(targets))).containsExactly("Department", "Employee");
    }

    @Test
    void ignoresOptionalReferencesToEntitiesNobodyCreates() throws StepFailure {
        List<SmokeTarget> targets = List.of(target("Post", optional("imageId", "Image")), target("Tag"));

        assertThat(entities(CreationOrder.of(targets))).containsExactly("Post", "Tag");
    }

    @Test
    void failsOnACycleOfRequiredReferences() {
        List<SmokeTarget> targets =
                List.of(target("Chicken", required("eggId", "Egg")), target("Egg", required("chickenId", "Chicken")));

        assertThatThrownBy(() -> CreationOrder.of(targets))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("cannot order Chicken, Egg")
                .hasMessageContaining("cycle")
                .hasMessageContaining("Chicken.eggId -> Egg");
    }

    @Test
    void failsOnARequiredSelfReference() {
        List<SmokeTarget> targets = List.of(target("Node", required("parentId", "Node")));

        assertThatThrownBy(() -> CreationOrder.of(targets))
                .isInstanceOf(StepFailure.class)
                .hasMessage(
                        "cannot create the first Node: its required reference Node.parentId points to another Node");
    }

    @Test
    void failsOnARequiredReferenceToAnEntityNobodyCreates() {
        List<SmokeTarget> targets = List.of(target("Post", required("authorId", "Author")));

        assertThatThrownBy(() -> CreationOrder.of(targets))
                .isInstanceOf(StepFailure.class)
                .hasMessage("cannot create Post: its required reference Post.authorId points to Author,"
                        + " which no smoke target creates");
    }

    @Test
    void failsOnTwoTargetsWithTheSameEntity() {
        assertThatThrownBy(() -> CreationOrder.of(List.of(target("Tag"), target("Tag"))))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("Tag");
    }

    private static SmokeTarget target(String entity, SmokeTarget.Reference... references) {
        return new SmokeTarget(
                entity,
                entity.toLowerCase(java.util.Locale.ROOT) + "s",
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(references));
    }

    private static SmokeTarget.Reference required(String property, String target) {
        return new SmokeTarget.Reference(property, target, false, true);
    }

    private static SmokeTarget.Reference optional(String property, String target) {
        return new SmokeTarget.Reference(property, target, false, false);
    }

    private static SmokeTarget.Reference optionalMany(String property, String target) {
        return new SmokeTarget.Reference(property, target, true, false);
    }

    private static List<String> entities(List<SmokeTarget> targets) {
        return targets.stream().map(SmokeTarget::entity).toList();
    }
}
