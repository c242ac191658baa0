package com.example.tiny.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Paging query parameters (?page=0&size=20&sort=title,desc&sort=id), bound strictly:
 * non-numeric or negative values and unknown sort properties are 400s instead of being
 * silently replaced by defaults as Spring Data's Pageable resolver does.
 */
public record PageQuery(
        @Parameter(description = "Zero-based page index") @Min(0) @Max(MAX_PAGE) Integer page,
        @Parameter(description = "Page size (capped at " + MAX_SIZE + ")") @Min(1) Integer size,
        @Parameter(description = "Sort: property[,asc|desc]; repeatable") @Size(max = 10) List<String> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Keeps page * size well inside int range (Hibernate's first-result is an int). */
    public static final int MAX_PAGE = 10_000_000;

    /**
     * @param sortable the entity's sortable API properties, mapped to entity attributes; sorting by anything else is a 400.
     *                 {@code id} is appended as a tie-breaker so paging is deterministic.
     */
    public Pageable toPageable(Map<String, String> sortable) {
        int number = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return PageRequest.of(number, pageSize, parseSort(sortable));
    }

    private Sort parseSort(Map<String, String> sortable) {
        // Spring's binder splits a single "title,desc" into ["title","desc"] but leaves
        // repeated params whole (["title,desc","id"]), so flatten both forms first.
        List<String> tokens = new ArrayList<>();
        if (sort != null) {
            for (String value : sort) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        tokens.add(token.trim());
                    }
                }
            }
        }
        List<Sort.Order> orders = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("asc") || lower.equals("desc")) {
                if (pending.isEmpty()) {
                    throw invalidSort("Sort direction '" + lower + "' must follow a property");
                }
                Sort.Direction direction = Sort.Direction.fromString(lower);
                pending.forEach(p -> orders.add(new Sort.Order(direction, p)));
                pending.clear();
            }
            else if (sortable.containsKey(token)) {
                pending.add(sortable.get(token));
            }
            else {
                throw invalidSort("Unknown sort property; allowed: " + new TreeSet<>(sortable.keySet()));
            }
        }
        pending.forEach(p -> orders.add(Sort.Order.asc(p)));
        if (orders.stream().noneMatch(o -> o.getProperty().equals("id"))) {
            orders.add(Sort.Order.asc("id"));
        }
        return Sort.by(orders);
    }

    private static BadRequestException invalidSort(String message) {
        return new BadRequestException("Invalid sort parameter", List.of(new FieldMessage("sort", message)));
    }
}
