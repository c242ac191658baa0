package com.example.tiny.web;

import java.util.Locale;

import org.springframework.data.jpa.domain.Specification;

/** Building blocks for the per-entity filter specifications; a null value means "no filter". */
public final class Specs {

    private Specs() {
    }

    /** Case-insensitive "contains" with LIKE wildcards in the value escaped. */
    public static <T> Specification<T> contains(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            return Specification.unrestricted();
        }
        String pattern = "%" + value.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.like(cb.lower(root.get(attribute)), pattern, '\\');
    }

    public static <T> Specification<T> equal(String attribute, Object value) {
        if (value == null) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    /** Equality on the id of a many-to-one association, e.g. post.author.id. */
    public static <T> Specification<T> equalId(String association, Object id) {
        if (id == null) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> cb.equal(root.get(association).get("id"), id);
    }
}
