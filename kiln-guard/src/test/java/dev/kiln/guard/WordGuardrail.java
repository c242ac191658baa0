package dev.kiln.guard;

import java.util.ArrayList;
import java.util.List;

/** A test guardrail that reports every occurrence of one word as a finding of a given category and type. */
record WordGuardrail(String word, Category category, String type) implements Guardrail {
    @Override
    public String name() {
        return "word:" + word;
    }

    @Override
    public List<Finding> inspect(String text) {
        List<Finding> found = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            found.add(Finding.certain(category, type, i, i + word.length()));
        }
        return found;
    }
}
